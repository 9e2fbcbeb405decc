package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which URL each role resolves to, and from which layer, for every combination of layers that matters. */
class UrlResolutionMatrixTest {

    private static final String OPENAI = "https://api.openai.com/v1";
    private static final String PROXY = "http://proxy.internal:4000";
    private static final String OTHER = "http://other.internal:4000";

    @TempDir
    static Path tmp;

    static Stream<Arguments> rows() {
        return Stream.of(
                // name, layers, role, expected URL, expected variable, expected layer
                row("nothing set", layers(), Role.LLM, OPENAI, "OPENAI_BASE_URL", "default"),
                row("nothing set", layers(), Role.EMBEDDINGS, OPENAI, "OPENAI_BASE_URL", "default"),
                row("base only", layers().env("OPENAI_BASE_URL", PROXY), Role.CODEX, PROXY, "OPENAI_BASE_URL", "env"),
                row("base only: internal follows base", layers().env("OPENAI_BASE_URL", PROXY), Role.EMBEDDINGS,
                        PROXY, "OPENAI_BASE_URL", "env"),
                row("internal only: embeddings", layers().env("OPENAI_INTERNAL_BASE_URL", PROXY), Role.EMBEDDINGS,
                        PROXY, "OPENAI_INTERNAL_BASE_URL", "env"),
                row("internal only: llm stays on default", layers().env("OPENAI_INTERNAL_BASE_URL", PROXY),
                        Role.LLM, OPENAI, "OPENAI_BASE_URL", "default"),
                row("both: embeddings", layers().env("OPENAI_BASE_URL", PROXY)
                        .env("OPENAI_INTERNAL_BASE_URL", OTHER), Role.EMBEDDINGS, OTHER, "OPENAI_INTERNAL_BASE_URL",
                        "env"),
                row("both: llm", layers().env("OPENAI_BASE_URL", PROXY).env("OPENAI_INTERNAL_BASE_URL", OTHER),
                        Role.LLM, PROXY, "OPENAI_BASE_URL", "env"),
                row("empty internal in env is unset", layers().env("OPENAI_BASE_URL", PROXY)
                        .env("OPENAI_INTERNAL_BASE_URL", ""), Role.EMBEDDINGS, PROXY, "OPENAI_BASE_URL", "env"),
                row("whitespace internal in env lets .env apply", layers().env("OPENAI_INTERNAL_BASE_URL", "   ")
                        .dotenv("OPENAI_INTERNAL_BASE_URL=" + OTHER + "\n"), Role.EMBEDDINGS, OTHER,
                        "OPENAI_INTERNAL_BASE_URL", ".env"),
                row("empty base in env lets .env.default apply", layers().env("OPENAI_BASE_URL", "")
                        .dotenvDefault("OPENAI_BASE_URL=" + PROXY + "\n"), Role.LLM, PROXY, "OPENAI_BASE_URL",
                        ".env.default"),
                row("whitespace system property is unset", layers().system("openai.base-url", " \t ")
                        .dotenv("OPENAI_BASE_URL=" + PROXY), Role.LLM, PROXY, "OPENAI_BASE_URL", ".env"),
                row("seed .env.default: empty internal follows base", layers().dotenvDefault(
                        "OPENAI_API_KEY=\nOPENAI_BASE_URL=" + PROXY + "\nOPENAI_INTERNAL_BASE_URL=\n"),
                        Role.EMBEDDINGS, PROXY, "OPENAI_BASE_URL", ".env.default"),
                row(".env over .env.default", layers().dotenv("OPENAI_BASE_URL=" + OTHER)
                        .dotenvDefault("OPENAI_BASE_URL=" + PROXY), Role.LLM, OTHER, "OPENAI_BASE_URL", ".env"),
                row("empty .env value falls through to .env.default", layers().dotenv("OPENAI_BASE_URL=")
                        .dotenvDefault("OPENAI_BASE_URL=" + PROXY), Role.LLM, PROXY, "OPENAI_BASE_URL",
                        ".env.default"),
                row("env over .env", layers().env("OPENAI_BASE_URL", PROXY).dotenv("OPENAI_BASE_URL=" + OTHER),
                        Role.LLM, PROXY, "OPENAI_BASE_URL", "env"),
                row("system property over .env", layers().system("openai.base-url", PROXY)
                        .dotenv("OPENAI_BASE_URL=" + OTHER), Role.LLM, PROXY, "OPENAI_BASE_URL", "system"),
                row("env over system property", layers().env("OPENAI_BASE_URL", PROXY)
                        .system("openai.base-url", OTHER), Role.LLM, PROXY, "OPENAI_BASE_URL", "env"),
                row("system property for internal", layers().system("openai.internal-base-url", OTHER),
                        Role.EMBEDDINGS, OTHER, "OPENAI_INTERNAL_BASE_URL", "system"),
                row("role override: llm", layers().env("OPENAI_BASE_URL", PROXY)
                        .env("OPENAI_LLM_BASE_URL", OTHER), Role.LLM, OTHER, "OPENAI_LLM_BASE_URL", "env"),
                row("role override: codex unaffected", layers().env("OPENAI_BASE_URL", PROXY)
                        .env("OPENAI_LLM_BASE_URL", OTHER), Role.CODEX, PROXY, "OPENAI_BASE_URL", "env"),
                row("role override beats internal", layers().env("OPENAI_INTERNAL_BASE_URL", PROXY)
                        .dotenv("OPENAI_EMBEDDINGS_BASE_URL=" + OTHER), Role.EMBEDDINGS, OTHER,
                        "OPENAI_EMBEDDINGS_BASE_URL", ".env"),
                row("blank role override is unset", layers().env("OPENAI_BASE_URL", PROXY)
                        .env("OPENAI_CODEX_BASE_URL", "  "), Role.CODEX, PROXY, "OPENAI_BASE_URL", "env"),
                row("role override as system property", layers().system("openai.codex.base-url", OTHER),
                        Role.CODEX, OTHER, "OPENAI_CODEX_BASE_URL", "system"),
                row("trailing slash stripped and value trimmed", layers().env("OPENAI_BASE_URL", "  " + PROXY
                        + "/v1/  "), Role.LLM, PROXY + "/v1", "OPENAI_BASE_URL", "env"),
                row("export prefix and quotes in .env", layers().dotenv("# comment\nexport OPENAI_BASE_URL=\""
                        + PROXY + "\"  # trailing comment\n"), Role.LLM, PROXY, "OPENAI_BASE_URL", ".env"));
    }

    private static Arguments row(String name, TestLayers layers, Role role, String url, String variable,
                                 String layer) {
        return arguments(name + " -> " + role, layers, role, url, variable, layer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resolvesUrlAndRecordsItsLayer(String name, TestLayers layers, Role role, String url, String variable,
                                       String layer) {
        SettingsReport report = GatewaySettings.inspect(layers.sources(tmp));

        RouteSettings route = report.settings().route(role);
        assertThat(route.baseUrl()).isEqualTo(url);
        assertThat(route.sources().get(Setting.RoleSetting.BASE_URL)).isEqualTo(new RouteSettings.ValueSource(variable, layer));
    }
}
