package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import okhttp3.Interceptor;

import java.util.List;

/**
 * Extra OkHttp interceptors for a route's HTTP client (e.g. metrics), added after the gateway's own. Lets optional
 * features plug into {@link GatewayClients} without the client composition knowing them.
 */
@FunctionalInterface
public interface RouteInterceptors {

    /** The interceptors for {@code route}, in order; an empty list adds nothing. */
    List<Interceptor> forRoute(GatewaySettings settings, RouteSettings route);
}
