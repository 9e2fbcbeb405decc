package dev.gatewaykit.sample.gateway;

import java.util.Map;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;

import org.springframework.stereotype.Component;

/**
 * The model each role calls: the configured one ({@code OPENAI_<ROLE>_MODEL} / {@code openai.<role>.model}), or
 * this app's default. Defaults live here, not in {@code application.properties}, because Spring property sources
 * rank above {@code .env} and would hide a model set there.
 */
@Component
public class RouteModels {

    /** Models used when none is configured: small, cheap and served by OpenAI, LiteLLM wildcards and the stub. */
    public static final Map<Role, String> DEFAULTS = Map.of(Role.EMBEDDINGS, "text-embedding-3-small", Role.LLM,
            "gpt-4o-mini", Role.CODEX, "gpt-4.1-mini");

    private final GatewaySettings settings;

    public RouteModels(GatewaySettings settings) {
        this.settings = settings;
    }

    /**
     * The model for a role.
     * @param role the role
     * @return the configured model, else the default
     */
    public String model(Role role) {
        return this.settings.route(role).model().orElse(DEFAULTS.get(role));
    }

}
