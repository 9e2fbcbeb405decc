package dev.gatewaykit.spring.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.Setting;

/**
 * Value hints for the settings that take one of a few words (the gateway kinds, the auth modes, the roles) or
 * whose typical values are worth offering (the gateways' base URLs, model names per role).
 */
final class SettingHints {

    private static final Map<String, String> ROUTE_URLS = ordered(
            "https://api.openai.com/v1", "OpenAI directly.",
            "http://localhost:4000", "A LiteLLM proxy (accepts paths with and without /v1).",
            "https://api.portkey.ai/v1", "Portkey cloud (needs /v1).",
            "http://localhost:8787/v1", "The open-source Portkey gateway.");

    private static final Map<String, String> FAILOVER_URLS = ordered(
            "https://api.openai.com/v1", "OpenAI directly (default).",
            "https://api.portkey.ai/v1", "Portkey cloud, when it is not the primary route.");

    private static final Map<String, String> AUTH = ordered(
            "bearer", "Send the key as 'Authorization: Bearer <key>' (default).",
            "none", "Send no Authorization header; for gateways that authenticate otherwise.");

    private static final Map<Role, String[]> MODELS = Map.of(
            Role.EMBEDDINGS, new String[] { "text-embedding-3-small", "text-embedding-3-large",
                "openai/text-embedding-3-small" },
            Role.LLM, new String[] { "gpt-4o-mini", "openai/gpt-4o-mini", "@openai-prod/gpt-4o-mini" },
            Role.CODEX, new String[] { "gpt-4.1", "openai/gpt-4.1", "@openai-prod/gpt-4.1" });

    private SettingHints() {
    }

    /** The hint entry for a setting, or empty when its values need none. */
    static Optional<ObjectNode> of(Setting setting) {
        Map<String, String> values = values(setting);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode hint = JsonNodeFactory.instance.objectNode();
        hint.put("name", setting.property());
        ArrayNode array = hint.putArray("values");
        values.forEach((value, description) -> {
            ObjectNode entry = array.addObject().put("value", value);
            if (description != null) {
                entry.put("description", description);
            }
        });
        return Optional.of(hint);
    }

    static Map<String, String> values(Setting setting) {
        Optional<Role> role = setting.role();
        if (role.isPresent()) {
            return roleValues(role.get(), setting);
        }
        if (setting == Setting.GATEWAY) {
            return gatewayKinds();
        }
        if (setting == Setting.BASE_URL || setting == Setting.INTERNAL_BASE_URL) {
            return ROUTE_URLS;
        }
        if (setting == Setting.FAILOVER_BASE_URL) {
            return FAILOVER_URLS;
        }
        if (setting == Setting.FAILOVER_COOL_DOWN) {
            return ordered("30s", "Default: probe the proxy again after half a minute.",
                    "5m", "Stay on the provider longer when the proxy restarts slowly.");
        }
        if (setting == Setting.PORTKEY_PROVIDER) {
            return ordered("openai", "Provider name.", "@openai-prod", "A provider slug from the Portkey Model Catalog.");
        }
        if (setting == Setting.REQUIRE_KEYS) {
            Map<String, String> values = ordered("true", "Every role must have a key at startup.",
                    "false", "No role must: a route without a key starts and fails its first call (default).");
            for (Role each : Role.values()) {
                values.put(each.propertyName(), "The " + each.propertyName() + " role must have a key at startup.");
            }
            return values;
        }
        return Map.of();
    }

    private static Map<String, String> roleValues(Role role, Setting setting) {
        if (setting == Setting.roleBaseUrl(role)) {
            return ROUTE_URLS;
        }
        if (setting == Setting.roleAuth(role)) {
            return AUTH;
        }
        if (setting == Setting.roleModel(role)) {
            Map<String, String> models = new LinkedHashMap<>();
            for (String model : MODELS.get(role)) {
                models.put(model, null);
            }
            return models;
        }
        return Map.of();
    }

    private static Map<String, String> gatewayKinds() {
        Map<String, String> kinds = ordered("auto", "Detect from the host (api.openai.com, api.portkey.ai, a host"
                + " containing 'litellm') and from Portkey or LiteLLM settings.");
        for (GatewayKind kind : GatewayKind.values()) {
            kinds.put(kind.id(), switch (kind) {
                case OPENAI -> "OpenAI itself.";
                case LITELLM -> "A LiteLLM proxy: health at /health/liveliness, x-litellm-* headers.";
                case PORTKEY -> "Portkey, cloud or open source: x-portkey-* headers, keyless with a Portkey API key.";
                case GENERIC -> "Any other OpenAI-compatible endpoint: health at <base>/models.";
            });
        }
        return kinds;
    }

    private static Map<String, String> ordered(String... valueAndDescription) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < valueAndDescription.length; i += 2) {
            values.put(valueAndDescription[i], valueAndDescription[i + 1]);
        }
        return values;
    }

}
