package dev.gatewaykit.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.gatewaykit.sdk.settings.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a user sees when an application with bad settings starts: Spring Boot's failure report with the starter's
 * analysis, registered through {@code META-INF/spring.factories}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

    private static final String KEY = "sk-test-report-" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void invalidSettingsProduceTheAnalysisWithMaskedKeys(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start(Map.of("OPENAI_BASE_URL", "http://litellm:4000/v1/v1",
                "OPENAI_API_KEY", "Bearer " + KEY, "OPENAI_INTERNAL_BASE_URL", "")));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("The OpenAI gateway settings are invalid (2 problems):")
            .contains("OPENAI_BASE_URL (openai.base-url) = 'http://litellm:4000/v1/v1'")
            .contains("OPENAI_API_KEY (openai.api-key) = '" + Secrets.mask("Bearer " + KEY) + "'")
            .contains("Action:")
            .doesNotContain(KEY);
    }

    @Test
    void invalidCredentialIsReportedByItsPropertyWithTheKeyMasked(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start(Map.of("OPENAI_API_KEY", KEY,
                "OPENAI_CREDENTIALS_BILLING_BASE_URL", "http://litellm-billing:4000/chat/completions",
                "OPENAI_CREDENTIALS_BILLING_API_KEY", "Bearer " + KEY)));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("The OpenAI gateway settings are invalid (2 problems):")
            .contains("openai.credentials.billing.base-url = 'http://litellm-billing:4000/chat/completions'")
            .contains("openai.credentials.billing.api-key = '" + Secrets.mask("Bearer " + KEY) + "'")
            .contains("Change these settings as Spring properties or environment variables:")
            .doesNotContain(KEY);
    }

    @Test
    void unknownGatewayKindListsTheAllowedValues(CapturedOutput output) {
        assertThatException().isThrownBy(() -> start(Map.of("OPENAI_GATEWAY", "litelm", "OPENAI_API_KEY", KEY)));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("OPENAI_GATEWAY (openai.gateway) = 'litelm'")
            .contains("auto, openai, litellm, portkey or generic")
            .doesNotContain(KEY);
        // One report, the settings': no second one from property binding.
        assertThat(output.getOut() + output.getErr()).containsOnlyOnce("APPLICATION FAILED TO START");
    }

    @Test
    void credentialHeadersGivenAsOneStringAreReportedWithoutTheirValue(CapturedOutput output) {
        String headerSecret = "team-secret-" + UUID.randomUUID().toString().replace("-", "");
        assertThatException().isThrownBy(() -> start(Map.of("OPENAI_API_KEY", KEY,
                "OPENAI_CREDENTIALS_PARTNER_BASE_URL", "http://partner-proxy:4000",
                "OPENAI_CREDENTIALS_PARTNER_HEADERS", "x-team-token=" + headerSecret)));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Failed to bind the property 'openai.credentials.partner.headers'")
            .contains("(secrets masked)")
            .contains("Give each header its own key under openai.credentials.partner.headers")
            .doesNotContain(headerSecret)
            .doesNotContain(KEY);
        assertThat(output.getOut() + output.getErr()).containsOnlyOnce("APPLICATION FAILED TO START");
    }

    @Test
    void aBindFailureOutsideTheGatewayPropertiesIsLeftToSpringBoot() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("server.port", "eighty")));
        BindException outside = catchThrowableOfType(BindException.class,
                () -> binder.bind("server.port", Integer.class));
        assertThat(outside).isNotNull();
        assertThat(new GatewayPropertyBindFailureAnalyzer().analyze(outside)).isNull();
    }

    @Test
    void aConverterMessageQuotingTheValueIsMasked() {
        String secret = "sk-test-bind-" + UUID.randomUUID().toString().replace("-", "");
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("openai.dotenv.enabled", secret)));
        BindException failure = catchThrowableOfType(BindException.class,
                () -> binder.bind("openai.dotenv.enabled", Boolean.class));
        FailureAnalysis analysis = new GatewayPropertyBindFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("'openai.dotenv.enabled'")
            .contains(Secrets.mask(secret))
            .doesNotContain(secret);
        assertThat(analysis.getAction()).contains("openai.dotenv.enabled");
    }

    private static void start(Map<String, String> environment) {
        SpringApplication application = new SpringApplication(MinimalApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(new FakeEnvironment(environment));
        application.setDefaultProperties(Map.of("openai.dotenv.enabled", "false"));
        application.run().close();
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(OpenAIGatewayAutoConfiguration.class)
    static class MinimalApplication {

    }

    /** An environment whose process environment is exactly the given map, without JVM system properties. */
    static final class FakeEnvironment extends StandardEnvironment {

        FakeEnvironment(Map<String, String> variables) {
            MutablePropertySources sources = getPropertySources();
            sources.remove(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
            sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new LinkedHashMap<>(variables)));
        }

    }

}
