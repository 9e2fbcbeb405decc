package dev.gatewaykit.hardening.sdk;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.TransportLimits;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three transport limits reach the starter's settings under both names, with no starter code of their own:
 * the property ({@code openai.pool-keep-alive}) and the environment variable ({@code OPENAI_POOL_KEEP_ALIVE}).
 */
class SpringTransportLimitsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class))
            .withPropertyValues("openai.dotenv.enabled=false", "openai.api-key=sk-spring-limits-0123456789");

    @Test
    void propertyNamesReachTheSettings() {
        runner.withPropertyValues("openai.pool-keep-alive=2s", "openai.max-retry-after=30s",
                "openai.max-response-bytes=8MB").run(context -> assertThat(context.getBean(GatewaySettings.class)
                .limits()).isEqualTo(new TransportLimits(Duration.ofSeconds(2), Duration.ofSeconds(30), 8L << 20)));
    }

    @Test
    void variableNamesReachTheSettings() {
        runner.withPropertyValues("OPENAI_POOL_KEEP_ALIVE=3s", "OPENAI_MAX_RESPONSE_BYTES=1MB")
                .run(context -> {
                    TransportLimits limits = context.getBean(GatewaySettings.class).limits();
                    assertThat(limits.poolKeepAlive()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(limits.maxResponseBytes()).isEqualTo(1L << 20);
                    assertThat(limits.maxRetryAfter()).isEqualTo(TransportLimits.DEFAULT_MAX_RETRY_AFTER);
                });
    }

    @Test
    void badValueFailsStartupNamingTheVariableAndTheValue() {
        runner.withPropertyValues("openai.max-response-bytes=lots").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("OPENAI_MAX_RESPONSE_BYTES")
                    .hasMessageContaining("'lots'");
        });
    }
}
