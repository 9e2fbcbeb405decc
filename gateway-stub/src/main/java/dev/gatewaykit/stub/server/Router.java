package dev.gatewaykit.stub.server;

import dev.gatewaykit.stub.gateway.GatewayBehaviour;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Maps method and path to a {@link Route}, or to a 404/405 in the gateway's words. */
public final class Router {

    private static final Map<String, Route> BY_PATH = new HashMap<>();

    static {
        for (Route r : Route.values()) {
            if (!r.path().contains("{")) {
                BY_PATH.put(r.path(), r);
            }
        }
    }

    private final GatewayBehaviour behaviour;

    /** Routes for one gateway. */
    public Router(GatewayBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Resolves {@code method} on {@code rawPath}. */
    public RouteMatch resolve(String method, String rawPath) {
        String path = rawPath;
        boolean v1 = path.equals("/v1") || path.startsWith("/v1/");
        if (v1) {
            path = path.length() == 3 ? "/" : path.substring(3);
        }
        Route route;
        String modelId = null;
        if (path.startsWith("/models/") && path.length() > "/models/".length()) {
            route = Route.MODEL;
            try {
                modelId = URLDecoder.decode(path.substring("/models/".length()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw notFound(method, rawPath);
            }
        } else if (path.startsWith("/responses/") && path.length() > "/responses/".length()) {
            // Stored responses: the id travels in the RouteMatch's id slot, like a model id.
            String rest = path.substring("/responses/".length());
            boolean items = rest.endsWith("/input_items");
            modelId = items ? rest.substring(0, rest.length() - "/input_items".length()) : rest;
            if (modelId.isEmpty() || modelId.contains("/")) {
                throw notFound(method, rawPath);
            }
            route = items ? Route.RESPONSE_INPUT_ITEMS : "DELETE".equals(method) ? Route.RESPONSE_DELETE : Route.RESPONSE;
        } else {
            route = BY_PATH.get(path);
        }
        if (route == null || !behaviour.serves(route) || (route == Route.ROOT && v1) || (v1 && route.bareOnly())
                || (!v1 && behaviour.requiresV1() && route != Route.ROOT)) {
            throw notFound(method, rawPath);
        }
        if (!route.method().equals(method)) {
            throw new StubError(StubError.Kind.METHOD_NOT_ALLOWED, 405, "invalid_request_error", null,
                    "method_not_allowed", "Method " + cut(method) + " is not allowed for " + cut(rawPath) + "; use "
                    + allowed(route) + ".").header("Allow", allowed(route));
        }
        String statsPath = (v1 ? "/v1" : "") + route.path();
        return new RouteMatch(route, statsPath, modelId);
    }

    private static String allowed(Route route) {
        return route == Route.RESPONSE ? "GET, DELETE" : route.method();
    }

    private StubError notFound(String method, String rawPath) {
        String hint = behaviour.requiresV1() && !rawPath.startsWith("/v1") ? " Paths start with /v1." : "";
        return new StubError(StubError.Kind.NOT_FOUND, 404, "invalid_request_error", null, "not_found",
                "Invalid URL (" + cut(method) + " " + cut(rawPath) + ")." + hint);
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
