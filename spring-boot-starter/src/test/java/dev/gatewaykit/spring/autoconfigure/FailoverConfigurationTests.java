package dev.gatewaykit.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.FailoverSettings;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover settings from {@code openai.failover.*}, {@code openai.<role>.failover-enabled} and their environment
 * twins reach each role's {@code RouteSettings}; the startup line names each role's failover target.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailoverConfigurationTests {

    private static final String PROXY_KEY = "sk-test-proxy-" + UUID.randomUUID().toString().replace("-", "");

    private static final String FAILOVER_KEY = "sk-test-direct-" + UUID.randomUUID().toString().replace("-", "");

    private static final String PROXY = "http://litellm.internal:4000";

    @TempDir
    Path emptyDotenvDirectory;

    private ApplicationContextRunner runner(Map<String, String> environment) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of(environment))
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory, "openai.base-url=" + PROXY,
                    "openai.api-key=" + PROXY_KEY);
    }

    static Stream<Arguments> failoverSwitches() {
        return Stream.of(
                Arguments.of("off by default", Map.of(), new String[0], EnumSet.noneOf(Role.class)),
                Arguments.of("openai.failover.enabled turns it on for every role", Map.of(),
                        new String[] { "openai.failover.enabled=true", "openai.failover.api-key=" + FAILOVER_KEY },
                        EnumSet.allOf(Role.class)),
                Arguments.of("OPENAI_FAILOVER_ENABLED in the environment does the same",
                        Map.of("OPENAI_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_API_KEY", FAILOVER_KEY),
                        new String[0], EnumSet.allOf(Role.class)),
                Arguments.of("a role's own switch turns it off for that role", Map.of(),
                        new String[] { "openai.failover.enabled=true", "openai.failover.api-key=" + FAILOVER_KEY,
                                "openai.embeddings.failover-enabled=false" },
                        EnumSet.of(Role.LLM, Role.CODEX)),
                Arguments.of("OPENAI_LLM_FAILOVER_ENABLED turns it on for one role only",
                        Map.of("OPENAI_LLM_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_API_KEY", FAILOVER_KEY),
                        new String[0], EnumSet.of(Role.LLM)),
                Arguments.of("an empty environment switch gives way to the property",
                        Map.of("OPENAI_FAILOVER_ENABLED", ""),
                        new String[] { "openai.failover.enabled=true", "openai.failover.api-key=" + FAILOVER_KEY },
                        EnumSet.allOf(Role.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failoverSwitches")
    void failoverSwitchesReachTheRoutes(String situation, Map<String, String> environment, String[] properties,
            Set<Role> expectedOn) {
        runner(environment).withPropertyValues(properties).run((context) -> {
            assertThat(context).hasNotFailed();
            GatewaySettings settings = context.getBean(GatewaySettings.class);
            for (Role role : Role.values()) {
                assertThat(settings.route(role).failover().isPresent()).as(role.name())
                    .isEqualTo(expectedOn.contains(role));
                // The proxy's own key and URL are untouched by failover.
                assertThat(settings.route(role).apiKey().orElseThrow().reveal()).isEqualTo(PROXY_KEY);
            }
        });
    }

    @Test
    void failoverPropertiesBindAndReachRouteSettings() {
        runner(Map.of()).withPropertyValues("openai.failover.enabled=true",
                "openai.failover.base-url=https://direct.example.com/v1/", "openai.failover.api-key=" + FAILOVER_KEY,
                "openai.failover.failure-threshold=5", "openai.failover.cool-down=2m")
            .run((context) -> {
                FailoverSettings failover = context.getBean(GatewaySettings.class).route(Role.CODEX).failover()
                    .orElseThrow();
                assertThat(failover.baseUrl()).isEqualTo("https://direct.example.com/v1");
                assertThat(failover.apiKey().orElseThrow().reveal()).isEqualTo(FAILOVER_KEY);
                assertThat(failover.failureThreshold()).isEqualTo(5);
                assertThat(failover.coolDown()).isEqualTo(Duration.ofMinutes(2));
            });
    }

    @Test
    void environmentVariablesConfigureTheFailoverTarget() {
        runner(Map.of("OPENAI_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_BASE_URL", "https://direct.example.com/v1",
                "OPENAI_FAILOVER_API_KEY", FAILOVER_KEY, "OPENAI_FAILOVER_FAILURE_THRESHOLD", "7",
                "OPENAI_FAILOVER_COOL_DOWN", "45s"))
            .run((context) -> {
                FailoverSettings failover = context.getBean(GatewaySettings.class).route(Role.LLM).failover()
                    .orElseThrow();
                assertThat(failover.origin()).isEqualTo("https://direct.example.com");
                assertThat(failover.failureThreshold()).isEqualTo(7);
                assertThat(failover.coolDown()).isEqualTo(Duration.ofSeconds(45));
            });
    }

    @Test
    void failoverWithoutItsOwnKeyFailsStartupNamingTheVariable() {
        runner(Map.of("OPENAI_FAILOVER_ENABLED", "true")).run((context) -> {
            assertThat(context).hasFailed();
            var analysis = new GatewaySettingsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("OPENAI_FAILOVER_API_KEY (openai.failover.api-key)")
                .doesNotContain(PROXY_KEY);
            assertThat(analysis.getAction()).contains("OPENAI_FAILOVER_API_KEY (openai.failover.api-key): ")
                .doesNotContain(PROXY_KEY);
        });
    }

    @Test
    void invalidThresholdIsReportedByTheSettingsValidation() {
        runner(Map.of()).withPropertyValues("openai.failover.enabled=true", "openai.failover.api-key=" + FAILOVER_KEY,
                "openai.failover.failure-threshold=0")
            .run((context) -> {
                var analysis = new GatewaySettingsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription())
                    .contains("OPENAI_FAILOVER_FAILURE_THRESHOLD (openai.failover.failure-threshold) = '0'")
                    .doesNotContain(FAILOVER_KEY);
            });
    }

    @Test
    void startupLineNamesTheFailoverTargetWithItsKeyMasked(CapturedOutput output) {
        runner(Map.of()).withPropertyValues("openai.failover.enabled=true", "openai.failover.api-key=" + FAILOVER_KEY,
                "openai.codex.failover-enabled=false")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                String line = Arrays.stream(output.getOut().split("\\R"))
                    .filter((l) -> l.contains("OpenAI gateway routes: "))
                    .reduce((first, second) -> second)
                    .orElseThrow();
                String failover = "failover https://api.openai.com/v1 with key " + Secrets.mask(FAILOVER_KEY)
                        + " after 3 failures";
                assertThat(line).contains("llm -> litellm " + PROXY + " (model per request, key "
                        + Secrets.mask(PROXY_KEY) + ", " + failover + ")")
                    .contains("embeddings -> litellm " + PROXY + " (model per request, key " + Secrets.mask(PROXY_KEY)
                            + ", " + failover + ")")
                    .contains("codex -> litellm " + PROXY + " (model per request, key " + Secrets.mask(PROXY_KEY)
                            + ")");
                assertThat(output).doesNotContain(FAILOVER_KEY).doesNotContain(PROXY_KEY);
            });
    }

}
