package dev.gatewaykit.spring.autoconfigure;

import java.nio.file.Path;
import java.util.UUID;

import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.spring.autoconfigure.actuate.GatewaySecretsSanitizingFunction;
import dev.gatewaykit.spring.autoconfigure.actuate.GatewaySettingsEndpoint;
import dev.gatewaykit.spring.autoconfigure.actuate.OpenAIGatewayEndpointAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.actuate.OpenAIGatewaySanitizingAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.health.OpenAIGatewayHealthContributorAutoConfiguration;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator, Micrometer and Bean Validation are optional: with them the starter adds health, masking and property
 * constraints, without them it still starts and still rejects bad settings by name.
 */
class OptionalIntegrationsTests {

    @TempDir
    Path emptyDotenvDirectory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    OpenAIGatewayHealthContributorAutoConfiguration.class,
                    OpenAIGatewaySanitizingAutoConfiguration.class, OpenAIGatewayEndpointAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of("OPENAI_API_KEY",
                    "sk-test-" + UUID.randomUUID().toString().replace("-", "")))
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory);
    }

    @Test
    void withActuatorEachRoleHasAHealthIndicatorUnderGateway() {
        runner().run((context) -> {
            assertThat(context).hasBean("gatewayRoutesHealthContributor")
                .hasSingleBean(GatewaySecretsSanitizingFunction.class)
                .hasSingleBean(GatewaySettingsEndpoint.class);
            HealthContributor contributor = context.getBean("gatewayRoutesHealthContributor", HealthContributor.class);
            assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
            CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
            assertThat(composite.stream().map((entry) -> entry.name())).containsExactly("embeddings", "llm",
                    "codex");
        });
    }

    @Test
    void gatewayHealthCanBeSwitchedOff() {
        runner().withPropertyValues("management.health.gateway.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("gatewayRoutesHealthContributor"));
    }

    @Test
    void userHealthContributorNamedGatewayWins() {
        runner().withBean("gatewayRoutesHealthContributor", HealthContributor.class,
                () -> CompositeHealthContributor.fromMap(java.util.Map.of()))
            .run((context) -> assertThat(((CompositeHealthContributor) context.getBean("gatewayRoutesHealthContributor"))
                .stream()).isEmpty());
    }

    @Test
    void withoutActuatorTheClientsStillStart() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.health",
                "org.springframework.boot.actuate"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(GatewayClients.class)
                .doesNotHaveBean("gatewayRoutesHealthContributor")
                .doesNotHaveBean(GatewaySecretsSanitizingFunction.class)
                .doesNotHaveBean(GatewaySettingsEndpoint.class));
    }

    @Test
    void withoutMicrometerTheClientsStillStart() {
        runner().withClassLoader(new FilteredClassLoader("io.micrometer"))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(GatewayClients.class)
                .hasBean("gatewayRoutesHealthContributor"));
    }

    @Test
    void withoutBeanValidationBadSettingsStillFailNamingTheVariable() {
        runner().withClassLoader(new FilteredClassLoader("jakarta.validation", "org.hibernate.validator"))
            .withPropertyValues("openai.max-retries=11")
            .run((context) -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(GatewaySettingsException.class)
                .hasMessageContaining("OPENAI_MAX_RETRIES")
                .hasMessageContaining("must be at most 10"));
    }

}
