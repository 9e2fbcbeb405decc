package dev.gatewaykit.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.gatewaykit.stub.StubMode;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Starts the gateway stub once per test application context and points every role at it.
 * <p>
 * Put it on a {@code @SpringBootTest} class (the test class path needs {@code openai-gateway-stub}). The context
 * gets a {@code GatewayStub} bean, closed with the context, and an {@code OpenAIGatewayConnectionDetails} that sends
 * each role to the stub with its own generated fake key, so no configured key ever reaches it. Inject the
 * {@code GatewayStub} to read its journal or script replies.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("openai.test.gateway-stub")
public @interface AutoConfigureGatewayStub {

    /**
     * The gateway the stub impersonates; also the gateway kind of every route.
     * @return the stub mode
     */
    StubMode mode() default StubMode.LITELLM;

}
