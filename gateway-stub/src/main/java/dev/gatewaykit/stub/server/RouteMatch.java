package dev.gatewaykit.stub.server;

import dev.gatewaykit.stub.http.Route;

/**
 * A resolved route.
 *
 * @param route     the endpoint
 * @param statsPath the bounded path name used in statistics ({@code /v1/chat/completions} or the bare form)
 * @param modelId   the id in {@code /models/{id}} or {@code /responses/{id}}, else {@code null}
 */
public record RouteMatch(Route route, String statsPath, String modelId) {
}
