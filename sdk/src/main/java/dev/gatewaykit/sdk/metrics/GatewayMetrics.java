package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
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
        return new MeteredRoutes(new GenAiMeters(Objects.requireNonNull(registry, "registry")));
    }

    /** One {@link MetricsInterceptor} per route, all recording into the same meters. */
    private static final class MeteredRoutes implements RouteInterceptors {

        private final GenAiMeters meters;

        MeteredRoutes(GenAiMeters meters) {
            this.meters = meters;
        }

        @Override
        public List<Interceptor> forRoute(GatewaySettings settings, RouteSettings route) {
            return List.of(new MetricsInterceptor(meters, route.role(), route.gateway()));
        }
    }
}
