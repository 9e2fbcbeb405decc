package dev.gatewaykit.spring.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link GatewaySecretsSanitizingFunction} when Actuator is present, so the gateway's keys never appear
 * in {@code /actuator/env} or {@code /actuator/configprops}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class OpenAIGatewaySanitizingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "openAIGatewaySanitizingFunction")
    GatewaySecretsSanitizingFunction openAIGatewaySanitizingFunction() {
        return new GatewaySecretsSanitizingFunction();
    }

}
