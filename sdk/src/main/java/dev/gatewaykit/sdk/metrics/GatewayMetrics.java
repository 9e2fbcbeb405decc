package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.GatewayKind;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.Interceptor;

import java.util.List;
import java.util.Objects;

/**
 * Micrometer metrics for gateway calls, named after the OpenTelemetry GenAI semantic conventions (see
 * {@link MetricNames}). Optional: Micrometer must be on the classpath only when this class is used.
 *
 * <pre>{@code
 * GatewayClients clients = GatewayClients.builder(settings)
 *         .addRouteInterceptors(GatewayMetrics.routeInterceptors(registry))
 *         .build();
 * }</pre>
 */
public final class GatewayMetrics {

    private GatewayMetrics() {
    }

    /** Interceptors that record every route's calls into {@code registry}. */
    public static RouteInterceptors routeInterceptors(MeterRegistry registry) {
        GenAiMeters meters = new GenAiMeters(Objects.requireNonNull(registry, "registry"));
        return (settings, route) -> List.of(new MetricsInterceptor(meters, route.role(), route.gateway()));
    }

    /**
     * The interceptor for one route, for OkHttp clients composed elsewhere (e.g. a client per named credential);
     * add it with {@code addInterceptor}, after interceptors that change the request.
     */
    public static Interceptor interceptor(MeterRegistry registry, Role role, GatewayKind kind) {
        return new MetricsInterceptor(new GenAiMeters(Objects.requireNonNull(registry, "registry")),
                Objects.requireNonNull(role, "role"), Objects.requireNonNull(kind, "kind"));
    }
}
