package dev.gatewaykit.sdk.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OPENAI_POOL_KEEP_ALIVE, OPENAI_MAX_RETRY_AFTER and OPENAI_MAX_RESPONSE_BYTES: defaults, forms, bad values. */
class TransportLimitsSettingsTest {

    private static GatewaySettings resolve(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("OPENAI_API_KEY", fakeKey()));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return GatewaySettings.resolve(SettingsSources.of(new MapSource("env", values)));
    }

    private static SettingsProblem onlyProblem(String... pairs) {
        GatewaySettingsException e = catchThrowableOfType(GatewaySettingsException.class, () -> resolve(pairs));
        assertThat(e).as("resolution must fail").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void defaultsKeepPooledConnectionsBelowGatewayIdleTimeouts() {
        TransportLimits limits = resolve().limits();

        assertThat(limits.poolKeepAlive()).isEqualTo(Duration.ofSeconds(4));
        assertThat(limits.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(limits.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void valuesAreReadInTheUsualForms() {
        TransportLimits limits = resolve("OPENAI_POOL_KEEP_ALIVE", "1500ms", "OPENAI_MAX_RETRY_AFTER", "2m",
                "OPENAI_MAX_RESPONSE_BYTES", "512KB").limits();

        assertThat(limits.poolKeepAlive()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limits.maxRetryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(limits.maxResponseBytes()).isEqualTo(512 * 1024);
        assertThat(resolve("OPENAI_MAX_RESPONSE_BYTES", "1048576").limits().maxResponseBytes()).isEqualTo(1048576);
        assertThat(resolve("OPENAI_MAX_RESPONSE_BYTES", "1gb").limits().maxResponseBytes()).isEqualTo(1L << 30);
    }

    @Test
    void badSizeNamesTheVariableAndTheValue() {
        SettingsProblem problem = onlyProblem("OPENAI_MAX_RESPONSE_BYTES", "lots");

        assertThat(problem.variable()).isEqualTo("OPENAI_MAX_RESPONSE_BYTES");
        assertThat(problem.describe()).contains("'lots'", "64MB");
        assertThat(onlyProblem("OPENAI_MAX_RESPONSE_BYTES", "0").describe()).contains("OPENAI_MAX_RESPONSE_BYTES",
                "'0'", "positive");
    }

    @Test
    void zeroKeepAliveAndBadDurationsAreRejected() {
        assertThat(onlyProblem("OPENAI_POOL_KEEP_ALIVE", "0s").describe()).contains("OPENAI_POOL_KEEP_ALIVE",
                "'0s'", "positive");
        assertThat(onlyProblem("OPENAI_POOL_KEEP_ALIVE", "soon").describe()).contains("OPENAI_POOL_KEEP_ALIVE",
                "'soon'", "not a duration");
        assertThat(onlyProblem("OPENAI_MAX_RETRY_AFTER", "PT-5S").describe()).contains("OPENAI_MAX_RETRY_AFTER",
                "'PT-5S'", "negative");
    }

    @Test
    void newSettingsAreInTheTableWithDefaults() {
        assertThat(Setting.byVariable("OPENAI_POOL_KEEP_ALIVE")).get().extracting(Setting::property)
                .isEqualTo("openai.pool-keep-alive");
        assertThat(Setting.MAX_RETRY_AFTER.defaultDescription()).contains("60s");
        assertThat(Setting.MAX_RESPONSE_BYTES.defaultDescription()).contains("64MB");
        assertThat(Setting.MAX_RESPONSE_BYTES.type()).isEqualTo(Setting.Type.SIZE);
    }
}
