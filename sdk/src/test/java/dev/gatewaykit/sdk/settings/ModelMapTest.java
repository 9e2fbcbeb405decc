package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code OPENAI_<ROLE>_MODEL_MAP}: exact names, prefix patterns, and what is left alone. */
class ModelMapTest {

    @TempDir
    Path tmp;

    private static ModelMap map(String... fromTo) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            entries.put(fromTo[i], fromTo[i + 1]);
        }
        return ModelMap.of(entries);
    }

    @Test
    void exactNameIsRewritten() {
        ModelMap map = map("gpt-4o-mini", "@openai-prod/gpt-4o-mini");

        assertThat(map.rewrite("gpt-4o-mini")).contains("@openai-prod/gpt-4o-mini");
        assertThat(map.rewrite("gpt-4o")).isEmpty();
    }

    @Test
    void prefixPatternKeepsTheRestOfTheName() {
        ModelMap map = map("*", "openai/*", "text-embedding-*", "azure/text-embedding-*");

        assertThat(map.rewrite("gpt-4o-mini")).contains("openai/gpt-4o-mini");
        assertThat(map.rewrite("text-embedding-3-small")).contains("azure/text-embedding-3-small");
    }

    @Test
    void exactBeatsPatternAndAlreadyMappedNamesAreLeftAlone() {
        ModelMap map = map("*", "@openai-prod/*", "gpt-4.1", "@openai-eu/gpt-4.1");

        assertThat(map.rewrite("gpt-4.1")).contains("@openai-eu/gpt-4.1");
        assertThat(map.rewrite("@openai-prod/gpt-4o-mini")).isEmpty();
        assertThat(map.rewrite(null)).isEmpty();
    }

    @Test
    void badEntriesAreProblemsNamingTheRoleVariable() {
        SettingsSources sources = layers().env("OPENAI_API_KEY", fakeKey())
                .env("OPENAI_LLM_MODEL_MAP", "gpt-*-mini=openai/*,x=a*").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .hasSize(2).allSatisfy(p -> {
                            assertThat(p.variable()).isEqualTo("OPENAI_LLM_MODEL_MAP");
                            assertThat(p.fix()).contains("gpt-4o-mini=@openai-prod/gpt-4o-mini");
                        }));
    }

    @Test
    void theMapIsPerRoleAndReadFromEveryLayer() {
        GatewaySettings settings = GatewaySettings.resolve(layers().env("OPENAI_API_KEY", fakeKey())
                .system("openai.codex.model-map", "*=openai/*")
                .dotenv("OPENAI_LLM_MODEL_MAP=gpt-4o-mini=@openai-prod/gpt-4o-mini\n").sources(tmp));

        assertThat(settings.route(Role.LLM).modelMap()).containsEntry("gpt-4o-mini", "@openai-prod/gpt-4o-mini");
        assertThat(settings.route(Role.CODEX).modelMap()).containsEntry("*", "openai/*");
        assertThat(settings.route(Role.EMBEDDINGS).modelMap()).isEmpty();
    }
}
