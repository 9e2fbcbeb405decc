package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;

import java.util.EnumSet;
import java.util.Set;

/**
 * The self-hosted open-source Portkey gateway, 1.15.x (Portkey-AI/gateway): no API-key check; every {@code /v1}
 * route runs {@code requestValidator} first ({@link PortkeyRequestValidator}); {@code @slug/model} names and
 * virtual keys mean nothing to it (the model goes to the provider unchanged, so the provider rejects an unknown
 * one); unknown paths answer Hono's {@code {"message":"Not Found","ok":false}} ({@code app.notFound} in
 * {@code src/index.ts}); provider replies carry {@code x-portkey-trace-id} as the client sent it, empty when none
 * ({@code RequestContext.traceId} in {@code src/handlers/services/requestContext.ts}, appended by
 * {@code ResponseService.updateHeaders} in {@code src/handlers/services/responseService.ts}).
 */
public final class PortkeyOssBehaviour implements GatewayBehaviour {

    private static final Set<Route> ROUTES = EnumSet.of(Route.MODELS, Route.MODEL, Route.CHAT_COMPLETIONS,
            Route.RESPONSE, Route.RESPONSE_DELETE, Route.RESPONSE_INPUT_ITEMS, Route.EMBEDDINGS, Route.RESPONSES,
            Route.COMPLETIONS, Route.ROOT);

    @Override
    public StubMode mode() {
        return StubMode.PORTKEY_OSS;
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
    public void precheck(StubRequest request, Route route) {
        if (route == Route.ROOT) {
            return;
        }
        PortkeyRequestValidator.validate(request);
        // Past the validator the request reaches a provider: its answers, errors included, carry these headers.
        var h = request.responseHeaders();
        String trace = request.headers().getFirst("x-portkey-trace-id");
        h.set("x-portkey-trace-id", trace == null ? "" : trace);
        h.set("x-portkey-provider", PortkeyErrors.provider(request));
        h.set("x-portkey-retry-attempt-count", "0");
        h.set("x-portkey-last-used-option-index", "config");
    }

    @Override
    public Caller authenticate(StubRequest request, Route route) {
        return Caller.ANONYMOUS;
    }

    @Override
    public void authorizeModel(StubRequest request, Caller caller, String model) {
        // The validator already ran; the self-hosted gateway has no key rights or budgets.
    }

    @Override
    public void addCommonHeaders(StubRequest request) {
        // The validator's own 400s carry no x-portkey-* headers; see precheck.
    }

    @Override
    public void onModelCall(StubRequest request, Caller caller, String model, long promptTokens, long completionTokens) {
        request.responseHeaders().set("x-portkey-cache-status", "DISABLED");
    }

    @Override
    public RenderedError render(StubError error) {
        return render(null, error);
    }

    @Override
    public RenderedError render(StubRequest request, StubError error) {
        if (error.kind() == StubError.Kind.NOT_FOUND || error.kind() == StubError.Kind.METHOD_NOT_ALLOWED) {
            ObjectNode body = Json.object();
            body.put("message", "Not Found");
            body.put("ok", false);
            return new RenderedError(404, body);
        }
        if (PortkeyErrors.fromProvider(error)) {
            return PortkeyErrors.provider(error, request == null ? "openai" : PortkeyErrors.provider(request));
        }
        return new RenderedError(error.status(), PortkeyErrors.failure(error.getMessage(), error.details()));
    }
}
