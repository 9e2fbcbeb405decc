package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The key rule: a key is only ever sent to the origin it was configured for. */
class KeyRuleMatrixTest {

    private static final String API_KEY = fakeKey();
    private static final String INTERNAL_KEY = fakeKey();
    private static final String ROLE_KEY = fakeKey();
    private static final String PORTKEY_KEY = "pk-test-" + fakeKey().substring(8);
    private static final String PROXY = "http://proxy.internal:4000";
    private static final String PORTKEY_CLOUD = "https://api.portkey.ai/v1";
    private static final String LITELLM_INTERNAL = "http://litellm-internal:4000";

    @TempDir
    static Path tmp;

    static Stream<Arguments> keyedRows() {
        return Stream.of(
                // name, layers, role, expected key (null = keyless), expected key variable
                arguments("llm uses OPENAI_API_KEY", layers().env("OPENAI_API_KEY", API_KEY), Role.LLM, API_KEY,
                        "OPENAI_API_KEY"),
                arguments("embeddings borrow OPENAI_API_KEY when the internal URL is unset",
                        layers().env("OPENAI_BASE_URL", PROXY).env("OPENAI_API_KEY", API_KEY), Role.EMBEDDINGS,
                        API_KEY, "OPENAI_API_KEY"),
                arguments("embeddings borrow OPENAI_API_KEY for the same origin with another path",
                        layers().env("OPENAI_BASE_URL", PROXY).env("OPENAI_INTERNAL_BASE_URL", PROXY + "/v1/")
                                .env("OPENAI_API_KEY", API_KEY), Role.EMBEDDINGS, API_KEY, "OPENAI_API_KEY"),
                arguments("internal key wins for embeddings", layers().env("OPENAI_API_KEY", API_KEY)
                        .dotenv("OPENAI_INTERNAL_API_KEY=" + INTERNAL_KEY), Role.EMBEDDINGS, INTERNAL_KEY,
                        "OPENAI_INTERNAL_API_KEY"),
                arguments("internal key is not used by llm", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY), Role.LLM, API_KEY, "OPENAI_API_KEY"),
                arguments("internal key for another origin", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_INTERNAL_BASE_URL", PROXY).env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY),
                        Role.EMBEDDINGS, INTERNAL_KEY, "OPENAI_INTERNAL_API_KEY"),
                arguments("role key wins", layers().env("OPENAI_API_KEY", API_KEY).env("OPENAI_CODEX_API_KEY",
                        ROLE_KEY), Role.CODEX, ROLE_KEY, "OPENAI_CODEX_API_KEY"),
                arguments("role key for a role URL on another origin", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_LLM_BASE_URL", PROXY).env("OPENAI_LLM_API_KEY", ROLE_KEY), Role.LLM, ROLE_KEY,
                        "OPENAI_LLM_API_KEY"),
                arguments("empty role key falls back", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_LLM_API_KEY", " "), Role.LLM, API_KEY, "OPENAI_API_KEY"),
                arguments("portkey with PORTKEY_API_KEY is keyless", layers()
                        .env("OPENAI_BASE_URL", "https://api.portkey.ai/v1").env("PORTKEY_API_KEY", ROLE_KEY),
                        Role.EMBEDDINGS, null, null),
                arguments("auth=none is keyless even with a key", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_BASE_URL", PROXY).env("OPENAI_LLM_AUTH", "none"), Role.LLM, null, null),
                arguments("portkey public + litellm internal: embeddings use the internal key", layers()
                        .env("OPENAI_BASE_URL", PORTKEY_CLOUD).env("PORTKEY_API_KEY", PORTKEY_KEY)
                        .env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL).env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY),
                        Role.EMBEDDINGS, INTERNAL_KEY, "OPENAI_INTERNAL_API_KEY"),
                arguments("explicit portkey + internal on another origin: embeddings use the internal key", layers()
                        .env("OPENAI_GATEWAY", "portkey").env("OPENAI_BASE_URL", PORTKEY_CLOUD)
                        .env("PORTKEY_API_KEY", PORTKEY_KEY).env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL + "/v1")
                        .env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY), Role.EMBEDDINGS, INTERNAL_KEY,
                        "OPENAI_INTERNAL_API_KEY"),
                arguments("portkey public + litellm internal: llm stays keyless portkey", layers()
                        .env("OPENAI_BASE_URL", PORTKEY_CLOUD).env("PORTKEY_API_KEY", PORTKEY_KEY)
                        .env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL).env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY),
                        Role.LLM, null, null),
                arguments("a role key below a URL on its own origin is kept", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_LLM_BASE_URL", PROXY + "/v1").dotenv("OPENAI_LLM_BASE_URL=" + PROXY + "\n"
                                + "OPENAI_LLM_API_KEY=" + ROLE_KEY), Role.LLM, ROLE_KEY, "OPENAI_LLM_API_KEY"),
                arguments("a layer that sets the URL and the key uses its own key", layers()
                        .env("OPENAI_LLM_BASE_URL", PROXY).env("OPENAI_LLM_API_KEY", ROLE_KEY)
                        .dotenv("OPENAI_LLM_BASE_URL=http://other.internal:4000\nOPENAI_LLM_API_KEY=" + API_KEY),
                        Role.LLM, ROLE_KEY, "OPENAI_LLM_API_KEY"),
                arguments("a role key above the URL's layer follows it", layers().env("OPENAI_LLM_API_KEY", ROLE_KEY)
                        .dotenv("OPENAI_LLM_BASE_URL=" + PROXY), Role.LLM, ROLE_KEY, "OPENAI_LLM_API_KEY"),
                arguments("portkey cloud as internal route is keyless with PORTKEY_API_KEY", layers()
                        .env("OPENAI_BASE_URL", PROXY).env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_INTERNAL_BASE_URL", PORTKEY_CLOUD).env("PORTKEY_API_KEY", PORTKEY_KEY),
                        Role.EMBEDDINGS, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedRows")
    void choosesTheKeyOfTheRoutesOrigin(String name, TestLayers layers, Role role, String key, String variable) {
        RouteSettings route = GatewaySettings.inspect(layers.sources(tmp)).settings().route(role);

        if (key == null) {
            assertThat(route.keyless()).isTrue();
            assertThat(route.apiKey()).isEmpty();
        } else {
            assertThat(route.keyless()).isFalse();
            assertThat(route.apiKey()).contains(ApiKey.of(key));
            assertThat(route.sources().get(Setting.RoleSetting.API_KEY).variable()).isEqualTo(variable);
        }
    }

    static Stream<Arguments> missingKeyRows() {
        return Stream.of(
                // name, layers, variable the error must name
                arguments("different internal origin never borrows OPENAI_API_KEY", layers()
                        .env("OPENAI_API_KEY", API_KEY).env("OPENAI_BASE_URL", PROXY)
                        .env("OPENAI_INTERNAL_BASE_URL", "http://embeddings.internal:4000"), "OPENAI_INTERNAL_API_KEY"),
                arguments("internal on another port is another origin", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_BASE_URL", PROXY).env("OPENAI_INTERNAL_BASE_URL", "http://proxy.internal:4001"),
                        "OPENAI_INTERNAL_API_KEY"),
                arguments("no key at all", layers().env("OPENAI_BASE_URL", PROXY), "OPENAI_API_KEY"),
                arguments("llm URL on another origin needs its own key", layers().env("OPENAI_API_KEY", API_KEY)
                        .env("OPENAI_LLM_BASE_URL", PROXY), "OPENAI_LLM_API_KEY"),
                arguments("portkey without PORTKEY_API_KEY needs a key", layers()
                        .env("OPENAI_BASE_URL", "https://api.portkey.ai/v1").env("PORTKEY_CONFIG", "pc-test-123"),
                        "OPENAI_API_KEY"),
                arguments("portkey public + litellm internal -> error naming OPENAI_INTERNAL_API_KEY", layers()
                        .env("OPENAI_BASE_URL", PORTKEY_CLOUD).env("PORTKEY_API_KEY", PORTKEY_KEY)
                        .env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL), "OPENAI_INTERNAL_API_KEY"),
                arguments("explicit portkey never lends PORTKEY_API_KEY to another origin", layers()
                        .env("OPENAI_GATEWAY", "portkey").env("PORTKEY_PRODUCT", "cloud").env("OPENAI_BASE_URL", PORTKEY_CLOUD)
                        .env("PORTKEY_API_KEY", PORTKEY_KEY).env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL + "/v1"),
                        "OPENAI_INTERNAL_API_KEY"),
                arguments("portkey settings on a local base URL stay there", layers()
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:8787/v1").env("PORTKEY_API_KEY", PORTKEY_KEY)
                        .env("PORTKEY_PRODUCT", "cloud")
                        .env("OPENAI_INTERNAL_BASE_URL", "http://127.0.0.1:11434/v1"), "OPENAI_INTERNAL_API_KEY"));
    }

    static Stream<Arguments> leftBehindRows() {
        return Stream.of(
                // name, layers, variable the error must name, origin the key was set for, origin the route went to
                arguments("a role URL set above a role key on another origin leaves the key behind", layers()
                        .env("OPENAI_API_KEY", API_KEY).env("OPENAI_LLM_BASE_URL", PROXY)
                        .dotenv("OPENAI_LLM_BASE_URL=http://other.internal:4000\nOPENAI_LLM_API_KEY=" + ROLE_KEY),
                        "OPENAI_LLM_API_KEY", "http://other.internal:4000", PROXY),
                arguments("a system property URL above a .env key on the default origin", layers()
                        .env("OPENAI_API_KEY", API_KEY).system("openai.codex.base-url", PROXY)
                        .dotenv("OPENAI_CODEX_API_KEY=" + ROLE_KEY), "OPENAI_CODEX_API_KEY",
                        "https://api.openai.com", PROXY),
                arguments("an internal URL set above an embeddings key leaves it behind", layers()
                        .env("OPENAI_API_KEY", API_KEY).env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL)
                        .dotenv("OPENAI_INTERNAL_BASE_URL=" + PROXY + "\nOPENAI_EMBEDDINGS_API_KEY=" + ROLE_KEY),
                        "OPENAI_EMBEDDINGS_API_KEY", PROXY, LITELLM_INTERNAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftBehindRows")
    void aLayerThatMovesARouteWithoutAKeyHidesLowerKeys(String name, TestLayers layers, String variable,
            String keyOrigin, String routeOrigin) {
        assertThatThrownBy(() -> GatewaySettings.resolve(layers.sources(tmp)))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.variable()).isEqualTo(variable);
                            assertThat(p.message()).contains("configured for " + keyOrigin, "to " + routeOrigin);
                            assertThat(p.fix()).contains(variable, "=none");
                        }))
                .hasMessageNotContaining(ROLE_KEY);
        assertThat(GatewaySettings.inspect(layers.sources(tmp)).settings().routes().values())
                .allSatisfy(route -> assertThat(route.apiKey().map(ApiKey::reveal).orElse("")).isNotEqualTo(ROLE_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingKeyRows")
    void missingKeyFailsNamingTheVariableWhenKeysAreRequired(String name, TestLayers layers, String variable) {
        SettingsSources required = layers.sources(tmp).withHighest(new MapSource("builder",
                Map.of("OPENAI_REQUIRE_KEYS", "true")));
        assertThatThrownBy(() -> GatewaySettings.resolve(required))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.variable()).isEqualTo(variable);
                            assertThat(p.fix()).contains(variable);
                        }))
                .hasMessageNotContaining(API_KEY)
                .hasMessageNotContaining(PORTKEY_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingKeyRows")
    void missingKeyLeavesTheRouteUnusableNamingTheVariable(String name, TestLayers layers, String variable) {
        GatewaySettings settings = GatewaySettings.resolve(layers.sources(tmp));

        assertThat(settings.routes().values()).filteredOn(route -> !route.usable()).isNotEmpty()
                .allSatisfy(route -> assertThat(route.apiKey()).isEmpty())
                .extracting(route -> route.missingKey().orElseThrow().variable()).contains(variable);
        assertThat(settings.warnings()).extracting(SettingsWarning::variable).contains(variable);
        assertThat(settings.warnings().toString()).doesNotContain(API_KEY).doesNotContain(PORTKEY_KEY);
    }

    @Test
    void portkeyKeyOnlyReachesItsOwnOriginInTheMessage() {
        SettingsSources sources = layers().env("OPENAI_BASE_URL", PORTKEY_CLOUD).env("PORTKEY_API_KEY", PORTKEY_KEY)
                .env("OPENAI_INTERNAL_BASE_URL", LITELLM_INTERNAL).env("OPENAI_REQUIRE_KEYS", "true").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.variable()).isEqualTo("OPENAI_INTERNAL_API_KEY")))
                .hasMessageContaining("PORTKEY_API_KEY belongs to https://api.portkey.ai")
                .hasMessageNotContaining("Portkey serves");
    }

    @Test
    void differentOriginMessageExplainsWhyTheBaseKeyIsNotUsed() {
        SettingsSources sources = layers().env("OPENAI_API_KEY", API_KEY).env("OPENAI_BASE_URL", PROXY)
                .env("OPENAI_INTERNAL_BASE_URL", "http://embeddings.internal:4000").env("OPENAI_REQUIRE_KEYS", "embeddings")
                .sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .hasMessageContaining("OPENAI_INTERNAL_API_KEY")
                .hasMessageContaining("OPENAI_API_KEY belongs to http://proxy.internal:4000")
                .hasMessageContaining("http://embeddings.internal:4000");
    }
}
