package dev.gatewaykit.spring.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.health.RouteHealthProbe;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.spring.health.CachingRouteHealthProbe;
import dev.gatewaykit.spring.health.GatewayHealthGroups;
import dev.gatewaykit.spring.health.RouteHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health contributor {@code gatewayRoutes} with one indicator per role ({@code embeddings}, {@code llm},
 * {@code codex}), when Actuator's health support is present; with failover on, each role's details show its
 * circuit (read from the {@link GatewayClients} bean). Disable with
 * {@code management.health.gateway.enabled=false}. The contributor forms its own health group, {@code gateway}, and
 * stays out of the root status unless {@code management.health.gateway.include-in-root=true}
 * ({@link GatewayHealthGroups}).
 */
@AutoConfiguration(after = OpenAIGatewayAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
public final class OpenAIGatewayHealthContributorAutoConfiguration {

    // The health-module condition sits on a nested class: its condition class only loads once the outer
    // class check has confirmed the health module is present.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({ GatewaySettings.class, SharedHttpClient.class })
    @ConditionalOnEnabledHealthIndicator("gateway")
    @EnableConfigurationProperties(GatewayHealthProperties.class)
    static class GatewayHealthContributorConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = { "gatewayRoutesHealthIndicator", "gatewayRoutesHealthContributor" })
        HealthContributor gatewayRoutesHealthContributor(GatewaySettings settings, SharedHttpClient http,
                GatewayHealthProperties properties, ObjectProvider<GatewayClients> clients) {
            RouteHealthProbe probe = new RouteHealthProbe(http.okHttpClient(), properties.getTimeout());
            CachingRouteHealthProbe cache = new CachingRouteHealthProbe((role) -> probe.probe(settings.route(role)),
                    properties.getCacheTtl());
            Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                indicators.put(role.propertyName(), new RouteHealthIndicator(role, cache,
                        () -> Optional.ofNullable(clients.getIfUnique()).flatMap((c) -> c.failoverStatus(role)),
                        settings.route(role).missingKey()));
            }
            return CompositeHealthContributor.fromMap(indicators);
        }

        @Bean
        @ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
        @ConditionalOnMissingBean(GatewayHealthGroups.class)
        GatewayHealthGroups gatewayHealthGroups(GatewayHealthProperties properties) {
            return new GatewayHealthGroups(properties.isIncludeInRoot());
        }

    }

}
