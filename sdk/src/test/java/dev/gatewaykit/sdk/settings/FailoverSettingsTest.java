package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Failover settings: names, defaults, the per-role switch, the failover key rule and its messages. */
class FailoverSettingsTest {

    private static final String PROXY = "http://litellm-proxy.internal:4000";
    private final String proxyKey = fakeKey();
    private final String failoverKey = fakeKey();

    @TempDir
    static Path tmp;

    private TestLayers proxyLayers() {
        return layers().env("OPENAI_BASE_URL", PROXY).env("OPENAI_API_KEY", proxyKey);
    }

    @Test
    void settingNamesMatchAcrossEnvAndProperties() {
        assertThat(Setting.FAILOVER_ENABLED.property()).isEqualTo("openai.failover.enabled");
        assertThat(Setting.FAILOVER_BASE_URL.property()).isEqualTo("openai.failover.base-url");
        assertThat(Setting.FAILOVER_API_KEY.property()).isEqualTo("openai.failover.api-key");
        assertThat(Setting.FAILOVER_API_KEY.secret()).isTrue();
        assertThat(Setting.FAILOVER_FAILURE_THRESHOLD.variable()).isEqualTo("OPENAI_FAILOVER_FAILURE_THRESHOLD");
        assertThat(Setting.FAILOVER_FAILURE_THRESHOLD.property()).isEqualTo("openai.failover.failure-threshold");
        assertThat(Setting.FAILOVER_COOL_DOWN.variable()).isEqualTo("OPENAI_FAILOVER_COOL_DOWN");
        assertThat(Setting.FAILOVER_COOL_DOWN.property()).isEqualTo("openai.failover.cool-down");
        assertThat(Setting.roleFailoverEnabled(Role.LLM).variable()).isEqualTo("OPENAI_LLM_FAILOVER_ENABLED");
        assertThat(Setting.roleFailoverEnabled(Role.EMBEDDINGS).property())
                .isEqualTo("openai.embeddings.failover-enabled");
    }

    @Test
    void failoverIsOffByDefaultWithDocumentedDefaults() {
        GatewaySettings settings = GatewaySettings.resolve(proxyLayers().sources(tmp));

        assertThat(settings.routes().values()).allSatisfy(r -> assertThat(r.failover()).isEmpty());
        FailoverSettings failover = settings.failover();
        assertThat(failover.enabled()).isFalse();
        assertThat(failover.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(failover.apiKey()).isEmpty();
        assertThat(failover.failureThreshold()).isEqualTo(3);
        assertThat(failover.coolDown()).isEqualTo(Duration.ofSeconds(30));
    }

    static Stream<Arguments> switches() {
        return Stream.of(
                // global, LLM switch, EMBEDDINGS switch -> roles that fail over
                arguments(null, null, null, ""),
                arguments("true", null, null, "EMBEDDINGS,LLM,CODEX"),
                arguments("TRUE", "false", null, "EMBEDDINGS,CODEX"),
                arguments("false", "true", null, "LLM"),
                arguments(null, null, "true", "EMBEDDINGS"),
                arguments(" ", "true", "false", "LLM"));
    }

    @ParameterizedTest(name = "global={0} llm={1} embeddings={2} -> [{3}]")
    @MethodSource("switches")
    void roleSwitchOverridesTheGlobalOne(String global, String llm, String embeddings, String expected) {
        TestLayers layers = proxyLayers().env("OPENAI_FAILOVER_API_KEY", failoverKey);
        if (global != null) {
            layers.env("OPENAI_FAILOVER_ENABLED", global);
        }
        if (llm != null) {
            layers.system("openai.llm.failover-enabled", llm);
        }
        if (embeddings != null) {
            layers.dotenv("OPENAI_EMBEDDINGS_FAILOVER_ENABLED=" + embeddings + "\n");
        }

        GatewaySettings settings = GatewaySettings.resolve(layers.sources(tmp));

        Set<Role> on = settings.routes().values().stream().filter(r -> r.failover().isPresent())
                .map(RouteSettings::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<Role> wanted = expected.isEmpty() ? EnumSet.noneOf(Role.class) : Arrays.stream(expected.split(","))
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        assertThat(on).isEqualTo(wanted);
        settings.routes().values().forEach(r -> r.failover().ifPresent(f -> {
            assertThat(f.enabled()).isTrue();
            assertThat(f.apiKey()).contains(ApiKey.of(failoverKey));
        }));
    }

    @Test
    void resolvesEveryFailoverValueFromAnyLayer() {
        GatewaySettings settings = GatewaySettings.resolve(proxyLayers()
                .system("openai.failover.enabled", "true")
                .system("openai.failover.base-url", "https://api.openai.com/v1/")
                .dotenv("OPENAI_FAILOVER_API_KEY=" + failoverKey + "\nOPENAI_FAILOVER_FAILURE_THRESHOLD=5\n")
                .dotenvDefault("OPENAI_FAILOVER_COOL_DOWN=2m\n").sources(tmp));

        FailoverSettings failover = settings.route(Role.CODEX).failover().orElseThrow();
        assertThat(failover.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(failover.origin()).isEqualTo("https://api.openai.com");
        assertThat(failover.failureThreshold()).isEqualTo(5);
        assertThat(failover.coolDown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.toString()).contains(Secrets.mask(failoverKey)).doesNotContain(failoverKey);
        assertThat(failover.toString()).doesNotContain(failoverKey);
    }

    @Test
    void failoverWithoutItsOwnKeyIsAStartupErrorNamingTheVariable() {
        SettingsSources sources = proxyLayers().env("OPENAI_FAILOVER_ENABLED", "true")
                .env("OPENAI_EMBEDDINGS_FAILOVER_ENABLED", "false").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.variable()).isEqualTo("OPENAI_FAILOVER_API_KEY");
                            assertThat(p.message()).contains("LLM, CODEX").contains("https://api.openai.com")
                                    .contains("never sent there");
                            assertThat(p.fix()).contains("openai.failover.api-key")
                                    .contains("OPENAI_FAILOVER_ENABLED=false");
                        }))
                .hasMessageNotContaining(proxyKey);
    }

    @Test
    void theProxyKeyIsNeverTakenAsTheFailoverKey() {
        // Even when the failover origin is where OPENAI_API_KEY points for another role, it is not borrowed.
        SettingsSources sources = layers().env("OPENAI_BASE_URL", "https://api.openai.com/v1")
                .env("OPENAI_API_KEY", proxyKey).env("OPENAI_LLM_BASE_URL", PROXY).env("OPENAI_LLM_API_KEY", proxyKey)
                .env("OPENAI_LLM_FAILOVER_ENABLED", "true").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::variable).containsExactly("OPENAI_FAILOVER_API_KEY"));
    }

    @Test
    void aFailoverOriginEqualToTheRouteOriginIsRejected() {
        SettingsSources sources = proxyLayers().env("OPENAI_FAILOVER_ENABLED", "true")
                .env("OPENAI_FAILOVER_API_KEY", failoverKey).env("OPENAI_FAILOVER_BASE_URL", PROXY + "/v1")
                .env("OPENAI_EMBEDDINGS_BASE_URL", "http://embeddings.internal:4000")
                .env("OPENAI_EMBEDDINGS_API_KEY", fakeKey()).sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.variable()).isEqualTo("OPENAI_FAILOVER_BASE_URL");
                            assertThat(p.value()).isEqualTo(PROXY + "/v1");
                            assertThat(p.message()).contains("LLM, CODEX").contains("cannot help");
                            assertThat(p.fix()).contains("https://api.openai.com/v1")
                                    .contains("OPENAI_LLM_FAILOVER_ENABLED=false");
                        }))
                .hasMessageNotContaining(failoverKey);
    }

    @Test
    void warnsWhenTheFailoverKeyWouldTravelOverPlainHttp() {
        GatewaySettings settings = GatewaySettings.resolve(layers().env("OPENAI_BASE_URL", "http://127.0.0.1:4000")
                .env("OPENAI_API_KEY", proxyKey).env("OPENAI_FAILOVER_ENABLED", "true")
                .env("OPENAI_FAILOVER_BASE_URL", "http://provider.example/v1")
                .env("OPENAI_FAILOVER_API_KEY", failoverKey).sources(tmp));

        assertThat(settings.warnings()).singleElement().satisfies(w -> {
            assertThat(w.variable()).isEqualTo("OPENAI_FAILOVER_BASE_URL");
            assertThat(w.message()).contains("plain http://").contains(Secrets.mask(failoverKey))
                    .doesNotContain(failoverKey);
        });
    }
}
