package dev.gatewaykit.ai.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;

import org.springframework.core.env.Environment;

/**
 * Spring AI connection properties that the bridge does not use because the gateway routes decide where calls go:
 * a {@code spring.ai.openai[.chat|.embedding].base-url} or {@code .api-key} that differs from the route's value
 * gives one warning naming both properties (keys masked). Equal values are silently redundant.
 */
final class SpringAiPropertyConflicts {

    private record Checked(String property, List<Role> roles) {
    }

    private static final List<Checked> CHECKED = List.of(
            new Checked("spring.ai.openai", List.of(Role.LLM, Role.EMBEDDINGS)),
            new Checked("spring.ai.openai.chat", List.of(Role.LLM)),
            new Checked("spring.ai.openai.embedding", List.of(Role.EMBEDDINGS)));

    private SpringAiPropertyConflicts() {
    }

    /** One warning line per conflicting Spring AI property; empty when nothing conflicts. */
    static List<String> warnings(Environment environment, GatewaySettings settings) {
        // Plain loops, no lambdas: this runs at every start (see the sdk settings package note on cold start).
        List<String> warnings = new ArrayList<>();
        for (Checked checked : CHECKED) {
            String urlProperty = checked.property() + ".base-url";
            String url = value(environment, urlProperty);
            if (url != null) {
                String normalised = normalise(url);
                List<String> differing = new ArrayList<>();
                for (Role role : checked.roles()) {
                    RouteSettings route = settings.route(role);
                    if (!normalised.equals(route.baseUrl())) {
                        differing.add(role + " -> " + route.baseUrl() + " ("
                                + ours(route, Setting.RoleSetting.BASE_URL) + ")");
                    }
                }
                if (!differing.isEmpty()) {
                    warnings.add(urlProperty + "=" + url + " is not used: Spring AI's OpenAI models go through the "
                            + "gateway routes, " + String.join(", ", differing) + ". Configure the route there, or "
                            + "remove " + urlProperty + ".");
                }
            }
            String keyProperty = checked.property() + ".api-key";
            String key = value(environment, keyProperty);
            if (key != null) {
                List<String> differing = new ArrayList<>();
                for (Role role : checked.roles()) {
                    RouteSettings route = settings.route(role);
                    Optional<ApiKey> routeKey = route.apiKey();
                    if (routeKey.isEmpty() || !key.equals(routeKey.get().reveal())) {
                        differing.add(role + " -> " + (routeKey.isPresent() ? routeKey.get().masked() : "(keyless)")
                                + " (" + ours(route, Setting.RoleSetting.API_KEY) + ")");
                    }
                }
                if (!differing.isEmpty()) {
                    warnings.add(keyProperty + "=" + ApiKey.of(key).masked() + " is not used: Spring AI's OpenAI "
                            + "models send the gateway routes' keys, " + String.join(", ", differing)
                            + ". Configure the key there, or remove " + keyProperty + ".");
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** The property's value, stripped; {@code null} when unset or blank. */
    private static String value(Environment environment, String property) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    /** The URL as the gateway normalises a route's base URL, so {@code http://h/v1/} equals {@code http://h/v1}. */
    private static String normalise(String url) {
        return RouteSettings.builder().role(Role.LLM).baseUrl(url).build().baseUrl();
    }

    /** The gateway property (and environment variable) a route value came from. */
    private static String ours(RouteSettings route, Setting.RoleSetting value) {
        RouteSettings.ValueSource source = route.sources().get(value);
        if (source == null) {
            return "built-in default";
        }
        Optional<Setting> setting = Setting.byVariable(source.variable());
        String property = setting.isPresent() ? setting.get().property() : null;
        return (property != null ? property : source.variable()) + " / " + source.variable() + ", "
                + source.layer();
    }
}
