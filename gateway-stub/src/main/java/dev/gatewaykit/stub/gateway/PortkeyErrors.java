package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;
import java.util.List;

/**
 * Portkey's two error shapes, shared by the cloud and the self-hosted gateway: the gateway's own
 * {@code {"status":"failure","message"}} (Portkey-AI/gateway {@code src/middlewares/requestValidator/index.ts})
 * and a provider's error passed through as {@code {"error":{"message":"<provider> error: …",…},"provider":…}}
 * ({@code generateErrorResponse} in {@code src/providers/utils.ts}, used by {@code OpenAIErrorResponseTransform}).
 */
final class PortkeyErrors {

    private PortkeyErrors() {
    }

    /** Errors a provider behind the gateway would send: its validation, unknown models and injected faults. */
    static boolean fromProvider(StubError error) {
        return switch (error.kind()) {
            case INVALID_REQUEST, UNKNOWN_MODEL, INJECTED -> true;
            default -> false;
        };
    }

    /** {@code {"status":"failure","message":…}} with optional {@code errors}. */
    static ObjectNode failure(String message, List<String> errors) {
        ObjectNode body = Json.object();
        body.put("status", "failure");
        body.put("message", message);
        if (errors != null && !errors.isEmpty()) {
            var array = body.putArray("errors");
            errors.forEach(array::add);
        }
        return body;
    }

    /** The provider's OpenAI-shaped error with Portkey's {@code "<provider> error: "} prefix and {@code provider}. */
    static RenderedError provider(StubError error, String provider) {
        ObjectNode body = OpenAiErrors.body(provider + " error: " + error.getMessage(), error.type(), error.param(),
                error.code());
        body.put("provider", provider);
        return new RenderedError(error.status(), body);
    }

    /** A gateway-side failure the validator raises. */
    static StubError gatewayError(String message) {
        return new StubError(StubError.Kind.GATEWAY_CONFIG, 400, "portkey_error", null, null, message);
    }

    /**
     * The provider a request names: a valid {@code x-portkey-provider}, else a JSON config's {@code provider}
     * (or its first target's), else {@code openai} (the stub's upstream is OpenAI-compatible).
     */
    static String provider(StubRequest request) {
        String header = request.headers().getFirst("x-portkey-provider");
        if (header != null && PortkeyProviders.valid(header.trim())) {
            return header.trim();
        }
        if (header != null && header.startsWith("@") && PortkeyProviders.valid(header.substring(1).trim())) {
            return header.substring(1).trim();
        }
        JsonNode config = jsonConfig(request);
        if (config != null) {
            JsonNode p = config.path("provider");
            if (p.isTextual() && PortkeyProviders.valid(p.asText())) {
                return p.asText();
            }
            JsonNode first = config.path("targets").path(0).path("provider");
            if (first.isTextual() && PortkeyProviders.valid(first.asText())) {
                return first.asText();
            }
        }
        return "openai";
    }

    /** The {@code x-portkey-config} header as a JSON object, or {@code null} (absent, an id, or not JSON). */
    static JsonNode jsonConfig(StubRequest request) {
        String config = request.headers().getFirst("x-portkey-config");
        if (config == null || !config.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonNode parsed = Json.parse(config);
            return parsed != null && parsed.isObject() ? parsed : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
