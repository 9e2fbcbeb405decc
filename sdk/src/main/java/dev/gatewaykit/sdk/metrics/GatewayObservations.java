package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.Interceptor;

import java.util.List;
import java.util.Objects;

/**
 * Micrometer observations (traces, through a tracing handler) for gateway calls, one per HTTP attempt, with the
 * GenAI attributes the meters use (see {@link GatewayCallObservationConvention}). Optional: micrometer-observation
 * must be on the classpath only when this class is used.
 *
 * <pre>{@code
 * GatewayClients clients = GatewayClients.builder(settings)
 *         .addRouteInterceptors(GatewayObservations.routeInterceptors(observationRegistry))
 *         .build();
 * }</pre>
 */
public final class GatewayObservations {

    private GatewayObservations() {
    }

    /** Interceptors that observe every route's calls in {@code registry}, with the default convention. */
    public static RouteInterceptors routeInterceptors(ObservationRegistry registry) {
        return routeInterceptors(registry, new GatewayCallObservationConvention());
    }

    /**
     * Interceptors that observe every route's calls in {@code registry} with {@code convention} (a subclass of the
     * default one; a global convention registered with the registry still wins over it).
     */
    public static RouteInterceptors routeInterceptors(ObservationRegistry registry,
            GatewayCallObservationConvention convention) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(convention, "convention");
        return new ObservedRoutes(registry, convention);
    }

    /** One {@link ObservationInterceptor} per route, all observing in the same registry. */
    private static final class ObservedRoutes implements RouteInterceptors {

        private final ObservationRegistry registry;
        private final GatewayCallObservationConvention convention;

        ObservedRoutes(ObservationRegistry registry, GatewayCallObservationConvention convention) {
            this.registry = registry;
            this.convention = convention;
        }

        @Override
        public List<Interceptor> forRoute(GatewaySettings settings, RouteSettings route) {
            return List.of(new ObservationInterceptor(registry, convention, route.role(), route.gateway()));
        }
    }
}
