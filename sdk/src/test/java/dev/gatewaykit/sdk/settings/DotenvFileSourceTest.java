package dev.gatewaykit.sdk.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** dotenv parsing as people write .env files. */
class DotenvFileSourceTest {

    @TempDir
    Path dir;

    private DotenvFileSource source(String text) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, text);
        return new DotenvFileSource(file);
    }

    @Test
    void readsCommentsQuotesExportAndEmptyValues() throws IOException {
        DotenvFileSource source = source("""
                # a comment
                OPENAI_BASE_URL=http://proxy:4000 # trailing comment
                export OPENAI_API_KEY="sk-test-quoted-value-1234"
                  export   OPENAI_ORG_ID='org-test-single'
                OPENAI_INTERNAL_BASE_URL=
                OPENAI_PROJECT_ID="proj # not a comment"
                PORTKEY_CONFIG="{
                  \\"retry\\": 1 }"
                """);

        assertThat(source.name()).isEqualTo(".env");
        assertThat(source.get(Setting.BASE_URL)).contains("http://proxy:4000");
        assertThat(source.get(Setting.API_KEY)).contains("sk-test-quoted-value-1234");
        assertThat(source.get(Setting.ORG_ID)).contains("org-test-single");
        assertThat(source.get(Setting.INTERNAL_BASE_URL)).contains("");
        assertThat(source.get(Setting.PROJECT_ID)).contains("proj # not a comment");
        assertThat(source.get(Setting.PORTKEY_CONFIG)).hasValueSatisfying(v -> assertThat(v).contains("retry"));
        assertThat(source.get(Setting.GATEWAY)).isEmpty();
    }

    @Test
    void missingFileIsAnEmptyLayer() {
        DotenvFileSource source = new DotenvFileSource(".env.default", dir.resolve("absent/.env.default"));

        assertThat(source.get(Setting.BASE_URL)).isEmpty();
        assertThat(source.name()).isEqualTo(".env.default");
    }

    @Test
    void mapSettingsUseTheStringForm() throws IOException {
        DotenvFileSource source = source("OPENAI_HEADERS=X-Team=search, X-Env = test\n");

        assertThat(source.getMap(Setting.HEADERS)).containsExactly(
                java.util.Map.entry("X-Team", "search"), java.util.Map.entry("X-Env", "test"));
    }

    private static final String KEY = fakeKey();

    static Stream<Arguments> malformedRows() {
        return Stream.of(
                // name, file text, line, variable named, message part, a variable still read after the bad line
                arguments("unterminated quote", "OPENAI_BASE_URL=http://proxy:4000\nOPENAI_API_KEY=\"" + KEY
                        + "\nOPENAI_GATEWAY=litellm\n", 2, "OPENAI_API_KEY", "never closed", "litellm"),
                arguments("unterminated quote on the last line", "OPENAI_GATEWAY=litellm\n\nOPENAI_API_KEY=\"" + KEY,
                        3, "OPENAI_API_KEY", "never closed", "litellm"),
                arguments("unmatched quotes", "OPENAI_API_KEY=\"" + KEY + "\"x\"\nOPENAI_GATEWAY=litellm\n", 1,
                        "OPENAI_API_KEY", "unmatched quotes", "litellm"),
                arguments("a pasted key without a name", "# keys\n" + KEY + "\nOPENAI_GATEWAY=litellm\n", 2, ".env",
                        "is not KEY=value", "litellm"),
                arguments("a name with spaces", "OPENAI_GATEWAY=litellm\nOPENAI API KEY=" + KEY + "\n", 2, ".env",
                        "is not KEY=value", "litellm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRows")
    void malformedLineIsAProblemNamingFileAndLineWithoutItsText(String name, String text, int line, String variable,
                                                                String message, String gateway) throws IOException {
        DotenvFileSource source = source(text);

        assertThat(source.problems()).singleElement().satisfies(p -> {
            assertThat(p.variable()).isEqualTo(variable);
            assertThat(p.message()).contains("line " + line + " of " + dir.resolve(".env").toAbsolutePath())
                    .contains(message);
            assertThat(p.fix()).contains("line " + line);
            assertThat(p.describe()).doesNotContain(KEY).doesNotContain(KEY.substring(8));
        });
        assertThat(source.get(Setting.GATEWAY)).contains(gateway);
        assertThat(source.get(Setting.API_KEY)).isEmpty();
    }

    @Test
    void malformedLineFailsResolutionWithEveryOtherProblem() throws IOException {
        Files.writeString(dir.resolve(".env"), "OPENAI_TIMEOUT=soon\nOPENAI_API_KEY=\"" + KEY + "\n");
        SettingsSources sources = SettingsSources.of(new EnvironmentSource(java.util.Map.of()),
                new DotenvFileSource(dir.resolve(".env")));

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::variable)
                        .contains("OPENAI_API_KEY", "OPENAI_TIMEOUT"))
                .hasMessageContaining("line 2 of " + dir.resolve(".env").toAbsolutePath())
                .hasMessageNotContaining(KEY.substring(8));
    }

    @Test
    void indentedCommentsAndMultiLineValuesAreNoProblem() throws IOException {
        DotenvFileSource source = source("""
                  # an indented comment
                OPENAI_GATEWAY=litellm
                PORTKEY_CONFIG="{
                  \\"retry\\": 1 }"
                    # another indented comment
                OPENAI_ORG_ID=org-test
                """);

        assertThat(source.problems()).isEmpty();
        assertThat(source.get(Setting.GATEWAY)).contains("litellm");
        assertThat(source.get(Setting.PORTKEY_CONFIG)).hasValueSatisfying(v -> assertThat(v).contains("retry"));
        assertThat(source.get(Setting.ORG_ID)).contains("org-test");
    }
}
