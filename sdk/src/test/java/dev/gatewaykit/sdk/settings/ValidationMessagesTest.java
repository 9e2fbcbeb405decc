package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every validation message: it names the variable, shows the value (keys masked) and says the fix. */
class ValidationMessagesTest {

    private static final String KEY = fakeKey();

    @TempDir
    static Path tmp;

    static Stream<Arguments> rows() {
        return Stream.of(
                // bad variable, bad value, expected message part, expected fix part
                bad("OPENAI_BASE_URL", "proxy:4000", "must start with http:// or https://", "https://host"),
                bad("OPENAI_BASE_URL", "ftp://proxy/v1", "must start with http:// or https://", "https://host"),
                bad("OPENAI_BASE_URL", "http://exa mple/v1", "is not a URL", "https://host"),
                bad("OPENAI_BASE_URL", "http:///v1", "has no host", "http://host"),
                bad("OPENAI_BASE_URL", "http://proxy:4000/v1/chat/completions", "endpoint path /chat/completions",
                        "use http://proxy:4000/v1."),
                bad("OPENAI_INTERNAL_BASE_URL", "http://proxy:4000/v1/embeddings/", "endpoint path /embeddings",
                        "use http://proxy:4000/v1."),
                bad("OPENAI_CODEX_BASE_URL", "http://proxy:4000/responses", "endpoint path /responses",
                        "use http://proxy:4000."),
                bad("OPENAI_LLM_BASE_URL", "http://proxy:4000/v1/completions", "endpoint path /completions",
                        "use http://proxy:4000/v1."),
                bad("OPENAI_BASE_URL", "http://proxy:4000/v1/models", "endpoint path /models",
                        "use http://proxy:4000/v1."),
                bad("OPENAI_BASE_URL", "http://proxy:4000/v1/v1", "contains /v1 twice", "use http://proxy:4000/v1."),
                bad("OPENAI_BASE_URL", "http://proxy:4000/v1?x=1", "query or fragment", "use http://proxy:4000/v1."),
                bad("OPENAI_BASE_URL", "https://api.openai.com", "OpenAI serves its API under /v1",
                        "use https://api.openai.com/v1."),
                bad("OPENAI_BASE_URL", "https://api.portkey.ai/", "Portkey serves its API under /v1",
                        "use https://api.portkey.ai/v1."),
                bad("OPENAI_API_KEY", "Bearer " + KEY, "starts with 'Bearer '", "only the key"),
                bad("OPENAI_API_KEY", KEY.substring(0, 10) + " " + KEY.substring(10), "contains whitespace",
                        "without spaces"),
                bad("OPENAI_LLM_API_KEY", KEY + "\tx", "contains whitespace", "without spaces"),
                bad("PORTKEY_API_KEY", "Bearer " + KEY, "starts with 'Bearer '", "only the key"),
                bad("OPENAI_GATEWAY", "nginx", "is not a gateway kind", "auto, openai, litellm, portkey or generic"),
                bad("OPENAI_EMBEDDINGS_AUTH", "basic", "is not an auth mode", "bearer"),
                bad("OPENAI_TIMEOUT", "30", "is not a duration", "30s"),
                bad("OPENAI_CONNECT_TIMEOUT", "0s", "must be positive", "positive duration"),
                bad("OPENAI_LLM_TIMEOUT", "PT0S", "must be positive", "positive duration"),
                bad("OPENAI_MAX_RETRIES", "lots", "is not a whole number", "0 to 10"),
                bad("OPENAI_MAX_RETRIES", "-1", "greater than or equal to 0", "0 to 10"),
                bad("OPENAI_MAX_RETRIES", "11", "at most 10", "0 to 10"),
                bad("OPENAI_PROXY_PORT", "70000", "between 1 and 65535", "port between 1 and 65535"),
                bad("OPENAI_HEADERS", "X-Team", "is not name=value", "name=value"),
                bad("OPENAI_HEADERS", "X Team=a", "not a valid header name", "header-safe"),
                bad("OPENAI_CODEX_HEADERS", "X(Bad)=1", "not a valid header name", "header-safe"),
                bad("OPENAI_LLM_MODEL", "gpt 4o", "must not contain whitespace", "without spaces"),
                bad("OPENAI_FAILOVER_BASE_URL", "api.openai.com/v1", "must start with http:// or https://",
                        "https://host"),
                bad("OPENAI_FAILOVER_BASE_URL", "https://api.openai.com", "OpenAI serves its API under /v1",
                        "use https://api.openai.com/v1."),
                bad("OPENAI_FAILOVER_BASE_URL", "https://api.openai.com/v1/chat/completions",
                        "endpoint path /chat/completions", "use https://api.openai.com/v1."),
                bad("OPENAI_FAILOVER_API_KEY", "Bearer " + KEY, "starts with 'Bearer '", "only the key"),
                bad("OPENAI_FAILOVER_API_KEY", KEY + " x", "contains whitespace", "without spaces"),
                bad("OPENAI_FAILOVER_ENABLED", "yes", "is not true or false", "use true or false"),
                bad("OPENAI_CODEX_FAILOVER_ENABLED", "on", "is not true or false", "use true or false"),
                bad("OPENAI_FAILOVER_FAILURE_THRESHOLD", "three", "is not a whole number", "1 to 100"),
                bad("OPENAI_FAILOVER_FAILURE_THRESHOLD", "0", "must be at least 1", "1 to 100"),
                bad("OPENAI_FAILOVER_FAILURE_THRESHOLD", "101", "must be at most 100", "1 to 100"),
                bad("OPENAI_FAILOVER_COOL_DOWN", "30", "is not a duration", "30s"),
                bad("OPENAI_FAILOVER_COOL_DOWN", "0s", "must be positive", "positive duration"));
    }

    private static Arguments bad(String variable, String value, String message, String fix) {
        return arguments(variable, value, message, fix);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("rows")
    void reportsVariableValueAndFix(String variable, String value, String message, String fix) {
        TestLayers layers = layers().env("OPENAI_API_KEY", KEY).env("OPENAI_INTERNAL_API_KEY", KEY)
                .env("OPENAI_LLM_API_KEY", KEY).env("OPENAI_CODEX_API_KEY", KEY).env(variable, value);
        if (variable.startsWith("OPENAI_PROXY")) {
            layers.env("OPENAI_PROXY_HOST", "corporate-proxy.internal");
        }

        assertThatThrownBy(() -> GatewaySettings.resolve(layers.sources(tmp)))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.variable()).isEqualTo(variable);
                        assertThat(p.message()).contains(message);
                        assertThat(p.fix()).contains(fix);
                        Setting setting = Setting.byVariable(variable).orElseThrow();
                        assertThat(p.value()).isEqualTo(switch (setting.type()) {
                            case SECRET -> Secrets.mask(value.strip());
                            case MAP -> value.strip().replaceAll("=[^,]*", "=****").replace("X-Team", "****");
                            case URL -> value.strip().replaceAll("=[^&#]*", "=****");
                            default -> value.strip();
                        });
                    });
                    assertThat(e.getMessage()).contains(variable).doesNotContain(KEY);
                });
    }

    static Stream<Arguments> secretRows() {
        String key = KEY;
        return Stream.of(
                // variable, value holding the secret, expected message part, expected shown value
                arguments("OPENAI_HEADERS", "x-api-key=" + key + ",broken", "entry 2 is not name=value",
                        "x-api-key=****,****"),
                arguments("OPENAI_HEADERS", key, "entry 1 is not name=value", Secrets.mask(key)),
                arguments("OPENAI_LLM_HEADERS", "Authorization=Bearer " + key + ",X Bad=1",
                        "entry name 'X Bad' is not a valid header name", "Authorization=****,X Bad=****"),
                arguments("OPENAI_EMBEDDINGS_HEADERS", "x api key=" + key, "entry name 'x api key'",
                        "x api key=****"),
                arguments("PORTKEY_METADATA", "team=a," + key, "entry 2 is not name=value",
                        "team=****," + Secrets.mask(key)),
                arguments("OPENAI_BASE_URL", "https://user:" + key + "@proxy.example/v1",
                        "contains credentials", "https://****@proxy.example/v1"),
                arguments("OPENAI_INTERNAL_BASE_URL", "http://" + key + "@proxy:4000/v1/embeddings",
                        "contains credentials", "http://****@proxy:4000/v1/embeddings"),
                arguments("OPENAI_FAILOVER_BASE_URL", "https://sk:" + key + "@api.openai.com/v1",
                        "contains credentials", "https://****@api.openai.com/v1"),
                arguments("OPENAI_BASE_URL", "http://proxy:4000/v1?api-key=" + key + "&x=1",
                        "query or fragment", "http://proxy:4000/v1?api-key=****&x=****"),
                arguments("OPENAI_LLM_BASE_URL", "user:" + key + "@proxy:4000/v1",
                        "must start with http:// or https://", "****@proxy:4000/v1"));
    }

    @ParameterizedTest(name = "{0} holding a secret")
    @MethodSource("secretRows")
    void secretsInValuesNeverReachTheMessage(String variable, String value, String message, String shown) {
        TestLayers layers = layers().env("OPENAI_API_KEY", KEY).env("OPENAI_INTERNAL_API_KEY", KEY)
                .env("OPENAI_LLM_API_KEY", KEY).env("OPENAI_CODEX_API_KEY", KEY).env(variable, value);

        assertThatThrownBy(() -> GatewaySettings.resolve(layers.sources(tmp)))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.variable()).isEqualTo(variable);
                        assertThat(p.message()).contains(message);
                        assertThat(p.value()).isEqualTo(shown);
                        assertThat(p.describe()).doesNotContain(KEY);
                    });
                    assertThat(e.getMessage()).contains(variable).doesNotContain(KEY);
                });
    }

    @Test
    void credentialsInTheUrlAreRemovedInTheFix() {
        SettingsSources sources = layers().env("OPENAI_API_KEY", KEY).env("OPENAI_INTERNAL_API_KEY", KEY)
                .env("OPENAI_INTERNAL_BASE_URL", "https://team:" + KEY + "@litellm.example/v1").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.fix())
                                .contains("remove credentials from the URL (use https://litellm.example/v1)")
                                .contains("OPENAI_INTERNAL_API_KEY")))
                .hasMessageNotContaining(KEY);
    }

    @Test
    void reportsAllProblemsAtOnce() {
        SettingsSources sources = layers().env("OPENAI_BASE_URL", "http://proxy:4000/v1/chat/completions")
                .env("OPENAI_API_KEY", "Bearer " + KEY).env("OPENAI_INTERNAL_BASE_URL", "http://other:4000")
                .dotenv("OPENAI_TIMEOUT=soon\nOPENAI_GATEWAY=nginx\nOPENAI_REQUIRE_KEYS=true\n").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::variable)
                        .containsExactlyInAnyOrder("OPENAI_GATEWAY", "OPENAI_BASE_URL", "OPENAI_API_KEY",
                                "OPENAI_INTERNAL_API_KEY", "OPENAI_TIMEOUT"))
                .hasMessageStartingWith("5 problem(s)")
                .hasMessageNotContaining(KEY)
                .hasMessageContaining(Secrets.mask("Bearer " + KEY));
    }

    @Test
    void warnsAboutKeysOverPlainHttpToRemoteHosts() {
        GatewaySettings settings = GatewaySettings.resolve(layers().env("OPENAI_BASE_URL", "http://proxy.example:4000")
                .env("OPENAI_API_KEY", KEY).sources(tmp));

        // One setting, one key, one origin: one warning naming every role, not one per role.
        assertThat(settings.warnings()).singleElement().satisfies(w -> {
            assertThat(w.variable()).isEqualTo("OPENAI_BASE_URL");
            assertThat(w.message()).startsWith("EMBEDDINGS, LLM, CODEX send " + Secrets.mask(KEY) + " over plain http://")
                    .doesNotContain(KEY);
        });
    }

    @Test
    void noWarningForLoopback() {
        GatewaySettings settings = GatewaySettings.resolve(layers().env("OPENAI_BASE_URL", "http://127.0.0.1:4000")
                .env("OPENAI_API_KEY", KEY).sources(tmp));

        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void warnsAboutPortkeyModelWithoutProviderSlug() {
        GatewaySettings settings = GatewaySettings.resolve(layers()
                .env("OPENAI_BASE_URL", "https://api.portkey.ai/v1").env("PORTKEY_API_KEY", KEY)
                .env("OPENAI_LLM_MODEL", "gpt-4o-mini").env("OPENAI_CODEX_MODEL", "@openai-prod/gpt-5")
                .sources(tmp));

        assertThat(settings.warnings()).singleElement()
                .satisfies(w -> assertThat(w.variable()).isEqualTo("OPENAI_LLM_MODEL"));
        assertThat(settings.route(Role.LLM).keyless()).isTrue();
    }
}
