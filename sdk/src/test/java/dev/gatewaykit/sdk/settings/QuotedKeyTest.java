package dev.gatewaykit.sdk.settings;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import dev.gatewaykit.sdk.testing.TestLayers;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A key with literal quotes ({@code docker --env-file}, CI variable screens) would be sent as {@code Bearer "sk-..."}
 * and refused on every call: it is a startup error naming the variable and the layer.
 */
class QuotedKeyTest {

    private static final String KEY = fakeKey();

    @TempDir
    static Path tmp;

    static Stream<Arguments> quotedKeys() {
        return Stream.of(
                arguments("double quotes in the environment", layers().env("OPENAI_API_KEY", "\"" + KEY + "\""),
                        "OPENAI_API_KEY", "env"),
                arguments("a trailing single quote in a system property", layers().env("OPENAI_API_KEY", KEY)
                        .system("openai.internal-api-key", KEY + "'"), "OPENAI_INTERNAL_API_KEY", "system"),
                arguments("quotes kept inside a .env value", layers().env("OPENAI_API_KEY", KEY)
                        .dotenv("OPENAI_LLM_API_KEY='\"" + KEY + "\"'\n"), "OPENAI_LLM_API_KEY", ".env"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotedKeys")
    void quotedKeyIsRejectedNamingVariableAndLayer(String name, TestLayers layers, String variable, String layer) {
        SettingsSources sources = layers.sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.variable()).isEqualTo(variable);
                            assertThat(p.message()).contains("quote").contains("in the " + layer + " layer");
                            assertThat(p.fix()).contains("remove the quotes");
                        }))
                .hasMessageNotContaining(KEY);
    }
}
