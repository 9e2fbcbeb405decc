package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaykit.sdk.settings.PortkeySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Portkey, cloud or open source: {@code x-portkey-*} headers, metadata as JSON with the user under {@code _user},
 * health via {@code GET /v1/models} on the cloud and {@code GET /} on the open-source gateway.
 */
public final class PortkeyGateway implements Gateway {

    static final PortkeyGateway INSTANCE = new PortkeyGateway();
    private static final String CLOUD_HOST = "api.portkey.ai";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PortkeyGateway() {
    }

    @Override
    public GatewayKind kind() {
        return GatewayKind.PORTKEY;
    }

    @Override
    public Map<String, String> routeHeaders(RouteSettings route) {
        PortkeySettings portkey = route.portkey();
        Map<String, String> headers = new LinkedHashMap<>();
        portkey.apiKey().ifPresent(key -> headers.put("x-portkey-api-key", key.reveal()));
        portkey.config().ifPresent(config -> headers.put("x-portkey-config", config));
        portkey.provider().ifPresent(provider -> headers.put("x-portkey-provider", provider));
        return headers;
    }

    @Override
    public Map<String, String> attributionHeaders(GatewayRequestContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>(context.metadata());
        context.user().ifPresent(user -> metadata.put("_user", user));
        if (!metadata.isEmpty()) {
            try {
                headers.put("x-portkey-metadata", JSON.writeValueAsString(metadata));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        context.traceId().ifPresent(trace -> headers.put("x-portkey-trace-id", trace));
        return headers;
    }

    @Override
    public String healthUrl(RouteSettings route) {
        return isCloud(route) ? route.baseUrl() + "/models" : route.origin() + "/";
    }

    @Override
    public boolean healthNeedsCredentials() {
        return true;
    }

    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-portkey-trace-id");
    }

    @Override
    public Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        int status = failure.status().orElse(0);
        if (status == 404 && !route.baseUrl().endsWith("/v1")) {
            return hint("Portkey serves the OpenAI API under /v1 and answers 404 elsewhere: set the base URL"
                    + " to " + route.baseUrl() + "/v1 (" + RouteProvenance.baseUrlSetBy(route) + ").");
        }
        if (failure.gatewayOwnError()) {
            return hint("Portkey itself refused the request (not the provider behind it): \""
                    + failure.message() + "\". Check " + Setting.PORTKEY_API_KEY.variable() + ", "
                    + Setting.PORTKEY_CONFIG.variable() + " and " + Setting.PORTKEY_PROVIDER.variable()
                    + ", or write the model as @provider-slug/model.");
        }
        if (failure.message().startsWith("openai error: ")) {
            return hint("The provider behind Portkey answered this error; Portkey passed it on. Check the"
                    + " provider credentials in Portkey's Model Catalog.");
        }
        if (status == 401) {
            return hint("Portkey rejected the credentials: check " + Setting.PORTKEY_API_KEY.variable()
                    + " (sent as x-portkey-api-key).");
        }
        return Optional.empty();
    }

    private static Optional<Diagnosis> hint(String hint) {
        return Optional.of(Diagnosis.hintOnly(hint));
    }

    private static boolean isCloud(RouteSettings route) {
        try {
            return CLOUD_HOST.equalsIgnoreCase(URI.create(route.baseUrl()).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
