package dev.gatewaykit.sample.demo;

import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayConnectionDetails;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Demo mode ({@code --demo}): in-process gateway stubs stand in for the proxies, and a runner calls each endpoint
 * once over HTTP. The connection details bean is the only seam used: everything else is the app as it runs in
 * production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoMode.ENABLED_PROPERTY, havingValue = "true")
class DemoConfiguration {

    @Bean(destroyMethod = "close")
    DemoGateways demoGateways(Environment environment) {
        // Read from the environment, not from GatewaySettings: the settings are resolved from these stubs.
        DemoGateways gateways = DemoGateways.start(model(environment, Role.EMBEDDINGS), model(environment, Role.LLM),
                model(environment, Role.CODEX));
        DemoScripts.apply(gateways.external().stub());
        return gateways;
    }

    @Bean
    OpenAIGatewayConnectionDetails demoConnectionDetails(DemoGateways gateways) {
        return gateways.connectionDetails();
    }

    @Bean
    DemoRunner demoRunner(DemoGateways gateways, GatewaySettings settings, Environment environment) {
        return new DemoRunner(gateways, settings, environment, System.out);
    }

    private static String model(Environment environment, Role role) {
        // Empty means unset, as everywhere in the kit.
        String configured = environment.getProperty("openai." + role.propertyName() + ".model");
        return configured == null || configured.isBlank() ? RouteModels.DEFAULTS.get(role) : configured.trim();
    }

}
