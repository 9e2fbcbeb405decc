package dev.gatewaykit.spring.autoconfigure.actuate;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link GatewaySettingsEndpoint} when Actuator is present; it is exposed like any endpoint
 * ({@code management.endpoints.web.exposure.include=gateway}).
 */
@AutoConfiguration(after = OpenAIGatewayAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(GatewaySettings.class)
public final class OpenAIGatewayEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GatewaySettingsEndpoint gatewaySettingsEndpoint(GatewaySettings settings) {
        return new GatewaySettingsEndpoint(settings);
    }

}
