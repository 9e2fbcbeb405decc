package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Portkey cloud ({@code api.portkey.ai}, GATEWAY-FACTS): {@code /v1} required, {@code x-portkey-api-key} checked when a key is
 * configured, a provider needed from {@code @slug/model}, {@code x-portkey-provider} or {@code x-portkey-config};
 * its own errors are {@code {"status":"failure","message"}}, provider errors keep the OpenAI shape with the
 * message prefixed {@code "<provider> error: "} and a {@code provider} field, injected 429/5xx faults included (they
 * stand for the provider failing behind the gateway). The self-hosted gateway is {@link PortkeyOssBehaviour}.
 */
public final class PortkeyBehaviour implements GatewayBehaviour {

    private static final Set<Route> ROUTES = EnumSet.of(Route.MODELS, Route.MODEL, Route.CHAT_COMPLETIONS, Route.RESPONSE, Route.RESPONSE_DELETE, Route.RESPONSE_INPUT_ITEMS,
            Route.EMBEDDINGS, Route.RESPONSES, Route.COMPLETIONS, Route.ROOT);
    private static final Pattern PROVIDER = Pattern.compile("@?[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String apiKey;

    /** A Portkey gateway expecting {@code apiKey} in {@code x-portkey-api-key} ({@code null}: not checked). */
    public PortkeyBehaviour(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public StubMode mode() {
        return StubMode.PORTKEY;
    }

    @Override
    public boolean requiresV1() {
        return true;
    }

    @Override
    public boolean serves(Route route) {
        return ROUTES.contains(route);
    }

    @Override
    public Caller authenticate(StubRequest request, Route route) {
        if (route.probe() || apiKey == null) {
            return Caller.ANONYMOUS;
        }
        String presented = request.headers().getFirst("x-portkey-api-key");
        if (presented == null || presented.isBlank()) {
            throw failure(StubError.Kind.AUTHENTICATION, 401, "x-portkey-api-key header is missing");
        }
        if (!apiKey.equals(presented.trim())) {
            throw failure(StubError.Kind.AUTHENTICATION, 401, "Invalid API Key");
        }
        return Caller.MASTER;
    }

    @Override
    public void authorizeModel(StubRequest request, Caller caller, String model) {
        String provider = request.headers().getFirst("x-portkey-provider");
        String config = request.headers().getFirst("x-portkey-config");
        if (provider != null && !PROVIDER.matcher(provider.trim()).matches()) {
            throw failure(StubError.Kind.GATEWAY_CONFIG, 400, "Invalid provider passed");
        }
        if (config != null && config.trim().startsWith("{")) {
            try {
                JsonNode parsed = Json.parse(config);
                if (parsed == null || !parsed.isObject()) {
                    throw failure(StubError.Kind.GATEWAY_CONFIG, 400, "Invalid config passed");
                }
            } catch (java.io.IOException e) {
                throw failure(StubError.Kind.GATEWAY_CONFIG, 400, "Invalid config passed");
            }
        }
        boolean slugModel = model != null && model.startsWith("@") && model.indexOf('/') > 1;
        if (!slugModel && isBlank(provider) && isBlank(config) && isBlank(request.headers().getFirst("x-portkey-virtual-key"))) {
            throw failure(StubError.Kind.GATEWAY_CONFIG, 400,
                    "Either x-portkey-config or x-portkey-provider header is required");
        }
    }

    @Override
    public String upstreamModel(String model) {
        if (model != null && model.startsWith("@")) {
            int slash = model.indexOf('/');
            if (slash > 1 && slash < model.length() - 1) {
                return model.substring(slash + 1);
            }
        }
        return model;
    }

    @Override
    public void addCommonHeaders(StubRequest request) {
        String trace = request.headers().getFirst("x-portkey-trace-id");
        var h = request.responseHeaders();
        h.set("x-portkey-trace-id", isBlank(trace) || trace.length() > 128 ? Ids.uuid() : trace.trim());
        String provider = request.headers().getFirst("x-portkey-provider");
        h.set("x-portkey-provider", isBlank(provider) || !PROVIDER.matcher(provider.trim()).matches()
                ? "openai" : provider.trim().replaceFirst("^@", ""));
    }

    @Override
    public void onModelCall(StubRequest request, Caller caller, String model, long promptTokens, long completionTokens) {
        var h = request.responseHeaders();
        h.set("x-portkey-retry-attempt-count", "0");
        h.set("x-portkey-last-used-option-index", "config");
        h.set("x-portkey-cache-status", "DISABLED");
    }

    @Override
    public RenderedError render(StubError error) {
        return render(null, error);
    }

    @Override
    public RenderedError render(StubRequest request, StubError error) {
        if (PortkeyErrors.fromProvider(error)) {
            // Provider errors pass through with the provider's prefix and name (src/providers/utils.ts).
            return PortkeyErrors.provider(error, request == null ? "openai" : PortkeyErrors.provider(request));
        }
        return new RenderedError(error.status(), PortkeyErrors.failure(error.getMessage(), error.details()));
    }

    private static StubError failure(StubError.Kind kind, int status, String message) {
        return new StubError(kind, status, "portkey_error", null, null, message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
