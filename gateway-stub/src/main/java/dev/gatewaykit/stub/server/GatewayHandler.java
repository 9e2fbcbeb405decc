package dev.gatewaykit.stub.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gatewaykit.stub.endpoints.ChatCompletionsEndpoint;
import dev.gatewaykit.stub.endpoints.CompletionsEndpoint;
import dev.gatewaykit.stub.endpoints.EmbeddingsEndpoint;
import dev.gatewaykit.stub.endpoints.Fields;
import dev.gatewaykit.stub.endpoints.HealthEndpoints;
import dev.gatewaykit.stub.endpoints.ModelCall;
import dev.gatewaykit.stub.endpoints.ModelEndpoint;
import dev.gatewaykit.stub.endpoints.ModelsEndpoint;
import dev.gatewaykit.stub.endpoints.ResponsesEndpoint;
import dev.gatewaykit.stub.gateway.GatewayBehaviour;
import dev.gatewaykit.stub.gateway.RenderedError;
import dev.gatewaykit.stub.http.ConnectionDrop;
import dev.gatewaykit.stub.http.HttpErrors;
import dev.gatewaykit.stub.http.ReadPhase;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;
import dev.gatewaykit.stub.keys.KeyAdminEndpoints;
import dev.gatewaykit.stub.responses.StoredResponsesEndpoint;
import dev.gatewaykit.stub.scripting.Fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one handler behind every path: admin calls under {@code /__stub/} go to the admin handler; gateway calls run
 * route → body limit → faults → key check → JSON → model rights → model exists → endpoint, and every
 * outcome is journaled and counted.
 */
public final class GatewayHandler implements HttpHandler {

    private final StubContext ctx;
    private final GatewayBehaviour behaviour;
    private final Router router;
    private final HttpHandler admin;
    private final ModelsEndpoint models;
    private final KeyAdminEndpoints keyAdmin;
    private final StoredResponsesEndpoint storedResponses;
    private final Map<Route, ModelEndpoint> modelEndpoints = new EnumMap<>(Route.class);

    /** A handler over {@code ctx}; {@code admin} serves {@code /__stub/}. */
    public GatewayHandler(StubContext ctx, HttpHandler admin) {
        this.ctx = ctx;
        this.behaviour = ctx.behaviour();
        this.router = new Router(behaviour);
        this.admin = admin;
        this.models = new ModelsEndpoint(ctx.catalog());
        this.keyAdmin = new KeyAdminEndpoints(ctx.keys());
        this.storedResponses = new StoredResponsesEndpoint(ctx.agent().responses());
        modelEndpoints.put(Route.CHAT_COMPLETIONS, new ChatCompletionsEndpoint());
        modelEndpoints.put(Route.COMPLETIONS, new CompletionsEndpoint());
        modelEndpoints.put(Route.EMBEDDINGS, new EmbeddingsEndpoint());
        modelEndpoints.put(Route.RESPONSES, new ResponsesEndpoint());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            ReadPhase.bodyStarts();
            if (ReadPhase.refusing()) {
                HttpErrors.refuse(exchange, ctx.limits().maxConnections(), ctx.limits().queueCapacity());
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath != null && (rawPath.equals("/__stub") || rawPath.startsWith("/__stub/"))) {
                admin.handle(exchange);
                return;
            }
            gateway(exchange);
        } catch (Error fatal) {
            // Out of memory or stack: fail this request, keep serving, and never leave its socket open unanswered.
            HttpErrors.exhausted(exchange);
            System.err.println("gateway-stub: " + fatal + " while serving a request; it was answered 503");
        }
    }

    private void gateway(HttpExchange exchange) throws IOException {
        StubRequest request = new StubRequest(exchange);
        Recorded recorded = new Recorded();
        request.beforeComplete(() -> record(request, recorded));
        try {
            serve(request, recorded);
        } catch (ConnectionDrop drop) {
            request.status(drop.afterHeaders() ? 200 : 0);
            throw drop;
        } catch (RuntimeException bug) {
            // Not reachable by design (every bad input is a StubError); answer honestly rather than hang up.
            if (!request.sent()) {
                sendError(request, new StubError(StubError.Kind.INJECTED, 500, "server_error", null, null,
                        "Gateway stub internal error: " + bug));
            }
            bug.printStackTrace();
        } finally {
            request.complete();
            request.release();
        }
    }

    private void serve(StubRequest request, Recorded recorded) throws IOException {
        try {
            behaviour.addCommonHeaders(request);
            RouteMatch match = router.resolve(request.method(), request.rawPath());
            recorded.statsPath = match.statsPath();
            Route route = match.route();
            request.readBody(ctx.limits().maxBodyBytes(), ctx.bodies());
            // After the transport has framed the body (as any HTTP server would), before JSON, faults and keys.
            behaviour.precheck(request, route);
            if (route.modelCall() || route.keyAdminBody()) {
                request.parseJson(ctx.limits().maxJsonValues());
            }
            FaultEffect fault = applyFault(request, route);
            if (fault.answered()) {
                return;
            }
            if (route.modelCall() && ctx.agent().passthrough().isPresent()) {
                // Record or replay: the upstream (or its fixtures) decides, including keys and errors.
                ctx.agent().passthrough().get().serve(request, route, fault.cutStreamAfterEvents());
                return;
            }
            Caller caller = behaviour.authenticate(request, route);
            switch (route) {
                case MODELS -> models.list(request);
                case MODEL -> models.retrieve(request, match.modelId());
                case HEALTH_LIVELINESS, HEALTH_LIVENESS -> HealthEndpoints.alive(request);
                case HEALTH_READINESS -> HealthEndpoints.readiness(request);
                case ROOT -> HealthEndpoints.portkeyRoot(request);
                case KEY_GENERATE -> keyAdmin.generate(request);
                case KEY_INFO -> keyAdmin.info(request, caller);
                case KEY_DELETE -> keyAdmin.delete(request);
                case KEY_UPDATE -> keyAdmin.update(request);
                case KEY_BLOCK -> keyAdmin.block(request, true);
                case KEY_UNBLOCK -> keyAdmin.block(request, false);
                case RESPONSE -> storedResponses.retrieve(request, match.modelId());
                case RESPONSE_DELETE -> storedResponses.delete(request, match.modelId());
                case RESPONSE_INPUT_ITEMS -> storedResponses.inputItems(request, match.modelId());
                default -> modelCall(request, route, caller, fault.cutStreamAfterEvents(), fault.fault(), recorded);
            }
        } catch (StubError error) {
            if (request.sent()) {
                throw new ConnectionDrop("error after the reply started: " + error.getMessage(), true);
            }
            sendError(request, error);
        }
    }

    private void modelCall(StubRequest request, Route route, Caller caller, int cutAfter, Fault fault, Recorded recorded)
            throws IOException {
        ObjectNode body = request.json();
        String model = Fields.model(body);
        behaviour.authorizeModel(request, caller, model);
        String upstream = behaviour.upstreamModel(model);
        if (!ctx.catalog().known(upstream)) {
            throw new StubError(StubError.Kind.UNKNOWN_MODEL, 404, "invalid_request_error", "model", "model_not_found",
                    "The model `" + (upstream.length() > 200 ? upstream.substring(0, 200) : upstream)
                    + "` does not exist or you do not have access to it.").subject(upstream);
        }
        ModelCall call = new ModelCall(request, body, upstream, route.path(), caller, behaviour, ctx.scripts(), cutAfter,
                ctx.agent(), fault == null ? null : fault.streamError().orElse(null));
        recorded.call = call;
        modelEndpoints.get(route).serve(call);
    }

    /** Applies the first matching fault: latency, then drop, then status; says what is left for the reply. */
    private FaultEffect applyFault(StubRequest request, Route route) throws IOException {
        Fault fault = ctx.faults().take(f -> f.match().matches(route.path(), request.model(),
                () -> new String(request.body(), StandardCharsets.UTF_8))).orElse(null);
        if (fault == null) {
            return FaultEffect.NONE;
        }
        ModelCall.pause(fault.latencyMillis());
        if (fault.dropConnection()) {
            throw new ConnectionDrop("connection dropped by a fault", false);
        }
        if (fault.status().isPresent()) {
            int status = fault.status().getAsInt();
            fault.headers().forEach((k, v) -> request.responseHeaders().set(k, v));
            if (fault.body().isPresent()) {
                String body = fault.body().get();
                String type = body.trim().startsWith("{") || body.trim().startsWith("[") ? "application/json"
                        : "text/plain; charset=utf-8";
                request.send(status, type, body.getBytes(StandardCharsets.UTF_8));
            } else {
                RenderedError r = behaviour.render(request, new StubError(StubError.Kind.INJECTED, status, injectedType(status),
                        null, String.valueOf(status), "Injected fault: HTTP " + status));
                request.sendJson(status, r.body());
            }
            return FaultEffect.ANSWERED;
        }
        return new FaultEffect(false, fault.cutStreamAfterEvents().orElse(-1), fault);
    }

    /**
     * What a fault leaves for the reply.
     *
     * @param answered             the fault sent the whole reply
     * @param cutStreamAfterEvents events after which to cut a stream, -1 for never
     */
    private record FaultEffect(boolean answered, int cutStreamAfterEvents, Fault fault) {
        static final FaultEffect NONE = new FaultEffect(false, -1, null);
        static final FaultEffect ANSWERED = new FaultEffect(true, -1, null);
    }

    /**
     * What is known of a request for its record: the counters' path once it is routed, its model call once made;
     * read when the request is recorded.
     */
    private static final class Recorded {
        String statsPath = "other";
        ModelCall call;
    }

    private static String injectedType(int status) {
        if (status == 429) {
            return "rate_limit_error";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private void sendError(StubRequest request, StubError error) throws IOException {
        RenderedError rendered = behaviour.render(request, error);
        // Messages echo request text (a model id, a path, a key): mask it as the journal does.
        maskTexts(rendered.body());
        error.headers().forEach((k, v) -> request.responseHeaders().set(k, v));
        request.sendJson(rendered.status(), rendered.body());
    }

    private void maskTexts(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(ctx.journal().mask(field.getValue().textValue())));
                } else {
                    maskTexts(field.getValue());
                }
            });
        }
    }

    private void record(StubRequest request, Recorded recorded) {
        int status = request.status();
        ctx.stats().record(recorded.statsPath, status);
        ctx.journal().record(request.timestamp(), request.method(), request.rawPath(), status, request.model(),
                request.presentedKey().key(), request.headers(), request.body(),
                request.elapsedMillis(), recorded.call == null ? List.of() : recorded.call.schemaMismatches());
    }
}
