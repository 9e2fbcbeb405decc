package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LiteLLM proxy: attribution via {@code x-litellm-end-user-id} and {@code x-litellm-tags}; health via
 * {@code GET /health/liveliness} at the origin root (never {@code /health}, which calls every model for real).
 */
public final class LiteLlmGateway implements Gateway {

    static final LiteLlmGateway INSTANCE = new LiteLlmGateway();

    private LiteLlmGateway() {
    }

    @Override
    public GatewayKind kind() {
        return GatewayKind.LITELLM;
    }

    @Override
    public Map<String, String> attributionHeaders(GatewayRequestContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        context.user().ifPresent(user -> headers.put("x-litellm-end-user-id", user));
        if (!context.tags().isEmpty()) {
            headers.put("x-litellm-tags", String.join(",", context.tags()));
        }
        return headers;
    }

    @Override
    public String healthUrl(RouteSettings route) {
        return route.origin() + "/health/liveliness";
    }

    @Override
    public boolean healthNeedsCredentials() {
        return false;
    }

    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-litellm-call-id");
    }

    @Override
    public Optional<String> hint(GatewayFailure failure, RouteSettings route) {
        int status = failure.status().orElse(0);
        if (status == 401 || status == 403) {
            String key = route.apiKey().map(Object::toString).orElse("(none)");
            return Optional.of("LiteLLM rejected the virtual key " + key + " (from " + keySource(route)
                    + "): it is wrong, expired or blocked. Check it with GET " + route.origin()
                    + "/key/info?key=... using the master key, or create a new one with POST /key/generate."
                    + " A raw provider key is not a virtual key.");
        }
        return Optional.empty();
    }

    private static String keySource(RouteSettings route) {
        RouteSettings.ValueSource source = route.sources().get(Setting.RoleSetting.API_KEY);
        return source == null ? "no variable" : source.toString();
    }
}
