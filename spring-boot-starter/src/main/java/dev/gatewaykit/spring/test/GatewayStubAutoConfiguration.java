package dev.gatewaykit.spring.test;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Imported by {@link AutoConfigureGatewayStub}: a started {@link GatewayStub} on a free loopback port, and
 * connection details that point every role at it. Not part of regular auto-configuration.
 */
@AutoConfiguration(before = OpenAIGatewayAutoConfiguration.class)
@ConditionalOnClass(GatewayStub.class)
public final class GatewayStubAutoConfiguration {

    static final String MODE_PROPERTY = "openai.test.gateway-stub.mode";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    GatewayStub gatewayStub(Environment environment) {
        return GatewayStub.builder().mode(mode(environment)).port(0).start();
    }

    @Bean
    GatewayStubConnectionDetails gatewayStubConnectionDetails(GatewayStub stub, Environment environment) {
        return switch (mode(environment)) {
            case OPENAI -> new GatewayStubConnectionDetails(stub.baseUrl(), GatewayKind.OPENAI);
            case LITELLM -> new GatewayStubConnectionDetails(stub.baseUrl(), GatewayKind.LITELLM);
            case PORTKEY -> new GatewayStubConnectionDetails(stub.baseUrl(), GatewayKind.PORTKEY,
                    PortkeyProduct.CLOUD);
            // The self-hosted gateway needs PORTKEY_PROVIDER or a JSON PORTKEY_CONFIG: without one the start fails
            // with a settings error naming them, as it would against the real gateway.
            case PORTKEY_OSS -> new GatewayStubConnectionDetails(stub.baseUrl(), GatewayKind.PORTKEY,
                    PortkeyProduct.SELF_HOSTED);
        };
    }

    private static StubMode mode(Environment environment) {
        return Binder.get(environment).bind(MODE_PROPERTY, StubMode.class).orElse(StubMode.LITELLM);
    }

}
