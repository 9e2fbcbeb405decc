package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;

/** Two settings are equal only when every value is: the proxy, LiteLLM, Portkey and the limits count too. */
class GatewaySettingsEqualityTest {

    private static final String KEY = TestLayers.fakeKey();

    @TempDir
    Path tmp;

    private GatewaySettings settings(String... variableValuePairs) {
        TestLayers layers = layers().env("OPENAI_BASE_URL", "http://proxy.internal:4000/v1")
                .env("OPENAI_GATEWAY", "litellm").env("OPENAI_API_KEY", KEY);
        for (int i = 0; i < variableValuePairs.length; i += 2) {
            layers.env(variableValuePairs[i], variableValuePairs[i + 1]);
        }
        return GatewaySettings.resolve(layers.sources(tmp));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "OPENAI_PROXY_HOST=corporate-proxy.internal", "OPENAI_LITELLM_TAGS=team-a",
            "OPENAI_LITELLM_END_USER_ID=alice", "PORTKEY_CONFIG=pc-test-1", "OPENAI_MAX_RESPONSE_BYTES=1MB",
            "PORTKEY_PRODUCT=cloud" })
    void settingsDifferingInOneValueAreNotEqual(String assignment) {
        String[] pair = assignment.split("=", 2);
        GatewaySettings plain = settings();
        GatewaySettings changed = settings(pair[0], pair[1]);

        assertThat(changed).isNotEqualTo(plain);
        assertThat(settings(pair[0], pair[1])).isEqualTo(changed).hasSameHashCodeAs(changed);
    }
}
