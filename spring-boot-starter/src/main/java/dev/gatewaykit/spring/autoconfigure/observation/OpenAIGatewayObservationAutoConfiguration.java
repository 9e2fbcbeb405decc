package dev.gatewaykit.spring.autoconfigure.observation;

import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.metrics.GatewayCallObservationConvention;
import dev.gatewaykit.sdk.metrics.GatewayObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes every gateway call of the role and credential clients a Micrometer observation
 * ({@code gateway.client.operation}; a span when Boot's tracing is set up) when micrometer-observation is on the
 * class path and an {@link ObservationRegistry} bean exists. Switch off with Boot's own
 * {@code management.observations.enable.gateway.client.operation=false}. A {@link GatewayCallObservationConvention}
 * bean replaces the default names and key values.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, GatewayObservations.class })
public final class OpenAIGatewayObservationAutoConfiguration {

    // Everything that names Micrometer in a signature sits in this nested class, introspected only once the class
    // condition above has found it.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ObservationRegistry.class)
    static class GatewayObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "gatewayObservationRouteInterceptors")
        RouteInterceptors gatewayObservationRouteInterceptors(ObjectProvider<ObservationRegistry> registry,
                ObjectProvider<GatewayCallObservationConvention> convention) {
            return GatewayObservations.routeInterceptors(registry.getObject(),
                    convention.getIfAvailable(GatewayCallObservationConvention::new));
        }

    }

}
