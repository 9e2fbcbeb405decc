package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;
import java.util.List;

/**
 * The self-hosted gateway's {@code requestValidator} (Portkey-AI/gateway 1.15.2,
 * {@code src/middlewares/requestValidator/index.ts}), which runs on every {@code /v1} route before the handler reads
 * the body, in its order: content type, provider-or-config, provider name, then the JSON config.
 */
final class PortkeyRequestValidator {

    static final String NO_PROVIDER = "Either x-portkey-config or x-portkey-provider header is required";
    static final String CONFIG_WITHOUT_PROVIDER = "Either x-portkey-provider needs to be passed. Or the x-portkey-config"
            + " header should have a valid config with provider details in it.";

    private PortkeyRequestValidator() {
    }

    /**
     * Rejects what the validator rejects, with its messages.
     *
     * @throws StubError a 400 {@code {"status":"failure"}} error
     */
    static void validate(StubRequest request) {
        String contentType = request.headers().getFirst("content-type");
        if (contentType != null) {
            String base = contentType.split(";", 2)[0];
            // CONTENT_TYPES in src/globals.ts: application/json, multipart/form-data, and anything starting "audio".
            if (!base.equals("application/json") && !base.equals("multipart/form-data") && !base.startsWith("audio")) {
                throw PortkeyErrors.gatewayError("Invalid content type passed");
            }
        }
        String provider = request.headers().getFirst("x-portkey-provider");
        String config = request.headers().getFirst("x-portkey-config");
        if (isEmpty(provider) && isEmpty(config)) {
            throw PortkeyErrors.gatewayError(NO_PROVIDER);
        }
        if (!isEmpty(provider) && !PortkeyProviders.valid(provider)) {
            throw PortkeyErrors.gatewayError("Invalid provider passed");
        }
        if (!isEmpty(config)) {
            validateConfig(config, !isEmpty(provider));
        }
    }

    private static void validateConfig(String config, boolean providerHeader) {
        JsonNode parsed;
        try {
            parsed = Json.parse(config);
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw PortkeyErrors.gatewayError("Invalid config passed. You need to pass a valid json");
        }
        if (!providerHeader && !(truthy(parsed.get("provider")) || truthy(parsed.get("targets")))) {
            throw PortkeyErrors.gatewayError(CONFIG_WITHOUT_PROVIDER);
        }
        String issue = providerIssue(parsed, "");
        if (issue != null) {
            // configSchema (src/middlewares/requestValidator/schema/config.ts) refines 'provider' against VALID_PROVIDERS.
            throw PortkeyErrors.gatewayError("Invalid config passed").details(List.of(issue));
        }
        if (truthy(parsed.get("options"))) {
            throw PortkeyErrors.gatewayError("This version of config is not supported in this route. Please migrate to"
                    + " the latest version");
        }
    }

    private static String providerIssue(JsonNode config, String path) {
        if (!config.isObject()) {
            return null;
        }
        JsonNode p = config.get("provider");
        if (p != null && !(p.isTextual() && PortkeyProviders.valid(p.asText()))) {
            return "path: " + path + "provider, message: Invalid 'provider' value. Must be one of: "
                    + String.join(", ", PortkeyProviders.VALID);
        }
        JsonNode targets = config.get("targets");
        if (targets != null && targets.isArray()) {
            for (int i = 0; i < targets.size(); i++) {
                String inner = providerIssue(targets.get(i), path + "targets," + i + ",");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** JavaScript truthiness of a parsed JSON value, as the validator's {@code parsedConfig.provider || …}. */
    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return true;
    }

    private static boolean isEmpty(String header) {
        return header == null || header.isEmpty();
    }
}
