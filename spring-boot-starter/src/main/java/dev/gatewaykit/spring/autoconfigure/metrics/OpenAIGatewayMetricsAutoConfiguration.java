package dev.gatewaykit.spring.autoconfigure.metrics;

import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.metrics.GatewayMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records the gateway calls of the role and credential clients as Micrometer meters
 * ({@code gen_ai.client.operation.duration}, {@code gen_ai.client.token.usage}, {@code gateway.cost}) when Micrometer
 * is on the class path and a {@link MeterRegistry} bean exists. Switch off with {@code openai.metrics.enabled=false}.
 * <p>
 * It only contributes a {@link RouteInterceptors} bean; the client beans pick up every such bean, so they never
 * refer to Micrometer and start the same without it.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, GatewayMetrics.class })
public final class OpenAIGatewayMetricsAutoConfiguration {

    // Everything that names Micrometer in a signature sits in this nested class: it is only introspected once the
    // class condition above has found Micrometer.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "openai.metrics.enabled", matchIfMissing = true)
    static class GatewayMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "gatewayMetricsRouteInterceptors")
        RouteInterceptors gatewayMetricsRouteInterceptors(ObjectProvider<MeterRegistry> registry) {
            return GatewayMetrics.routeInterceptors(registry.getObject());
        }

    }

}
