package dev.gatewaykit.sdk.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
}
