package dev.gatewaykit.spring.autoconfigure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter adds no converter to the binding of the application's own {@code @ConfigurationProperties}: a
 * {@code Map} property given as one string binds (or fails) exactly as it does without the starter.
 */
class ApplicationPropertiesBindingTests {

    @TempDir
    Path emptyDotenvDirectory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withUserConfiguration(ApplicationPropertiesConfiguration.class)
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory,
                    "openai.api-key=sk-test-binding", "app.labels=not a name-value list");
    }

    @Test
    void aMapGivenAsOneStringFailsToBindWithTheStarterAsWithoutIt() {
        runner().run((withoutStarter) -> runner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class))
            .run((withStarter) -> {
                assertThat(withoutStarter).hasFailed();
                assertThat(withStarter).hasFailed();
                assertThat(withStarter.getStartupFailure()).hasStackTraceContaining("app.labels");
                assertThat(withStarter).getFailure().rootCause()
                    .hasSameClassAs(rootCause(withoutStarter.getStartupFailure()));
            }));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApplicationProperties.class)
    static class ApplicationPropertiesConfiguration {

    }

    @ConfigurationProperties("app")
    static class ApplicationProperties {

        private Map<String, String> labels = new LinkedHashMap<>();

        public Map<String, String> getLabels() {
            return this.labels;
        }

        public void setLabels(Map<String, String> labels) {
            this.labels = labels;
        }

    }

}
