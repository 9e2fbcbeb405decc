package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.client.RouteInterceptors;
import io.micrometer.core.instrument.MeterRegistry;

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
}
