package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's CI pattern: only the internal route has a key. Routes without a key resolve (the application starts),
 * each missing variable is one warning, and {@code OPENAI_REQUIRE_KEYS} restores the startup error.
 */
class MissingKeyRoutesTest {

    private static final String INTERNAL_KEY = fakeKey();
    private static final String PROXY = "http://litellm-internal:4000";

    @TempDir
    Path tmp;

    @Test
    void routesWithoutAKeyResolveAsUnusableWithOneWarningPerVariable() {
        GatewaySettings settings = GatewaySettings.resolve(layers()
                .dotenv("OPENAI_API_KEY=\nOPENAI_BASE_URL=https://api.openai.com/v1\nOPENAI_INTERNAL_BASE_URL=\n"
                        + "OPENAI_INTERNAL_API_KEY=\nOPENAI_INTERNAL_API_KEY=" + INTERNAL_KEY + "\n"
                        + "OPENAI_INTERNAL_BASE_URL=" + PROXY + "\n")
                .sources(tmp));

        assertThat(settings.route(Role.EMBEDDINGS).usable()).isTrue();
        assertThat(settings.route(Role.EMBEDDINGS).apiKey()).hasValueSatisfying(
                key -> assertThat(key.reveal()).isEqualTo(INTERNAL_KEY));
        for (Role role : new Role[] {Role.LLM, Role.CODEX}) {
            RouteSettings route = settings.route(role);
            assertThat(route.usable()).isFalse();
            assertThat(route.apiKey()).isEmpty();
            assertThat(route.missingKey()).hasValueSatisfying(p -> {
                assertThat(p.variable()).isEqualTo("OPENAI_API_KEY");
                assertThat(p.fix()).contains("OPENAI_API_KEY");
            });
        }
        assertThat(settings.warnings()).filteredOn(w -> w.variable().equals("OPENAI_API_KEY")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("LLM, CODEX have no key")
                        .contains("OPENAI_REQUIRE_KEYS=true"));
        assertThat(settings.routingTable()).contains("(missing)");
    }

    @Test
    void requireKeysTrueRestoresTheStartupError() {
        SettingsSources sources = layers().env("OPENAI_INTERNAL_BASE_URL", PROXY)
                .env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY).env("OPENAI_REQUIRE_KEYS", "true").sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::variable).containsExactly("OPENAI_API_KEY"));
    }

    @Test
    void requireKeysAsAListOfRolesOnlyStopsForThoseRoles() {
        SettingsSources onlyEmbeddings = layers().env("OPENAI_INTERNAL_BASE_URL", PROXY)
                .env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY).system("openai.require-keys", "embeddings").sources(tmp);
        assertThat(GatewaySettings.resolve(onlyEmbeddings).route(Role.LLM).usable()).isFalse();

        SettingsSources codex = layers().env("OPENAI_INTERNAL_BASE_URL", PROXY)
                .env("OPENAI_INTERNAL_API_KEY", INTERNAL_KEY).env("OPENAI_REQUIRE_KEYS", "embeddings, CODEX")
                .sources(tmp);
        assertThatThrownBy(() -> GatewaySettings.resolve(codex))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.message()).contains("public route")));
    }

    @Test
    void requireKeysRejectsAnUnknownRole() {
        SettingsSources sources = layers().env("OPENAI_API_KEY", fakeKey()).env("OPENAI_REQUIRE_KEYS", "llm,chat")
                .sources(tmp);

        assertThatThrownBy(() -> GatewaySettings.resolve(sources))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.variable()).isEqualTo("OPENAI_REQUIRE_KEYS");
                            assertThat(p.message()).contains("'chat'");
                        }));
    }

    @Test
    void duplicateEntriesInOneFileKeepTheLastAndAreListedByLine() {
        SettingsSources sources = layers().dotenv("OPENAI_API_KEY=\nOPENAI_INTERNAL_API_KEY=\n# appended by CI\n"
                + "OPENAI_INTERNAL_API_KEY=" + INTERNAL_KEY + "\n").sources(tmp);
        DotenvFileSource dotenv = (DotenvFileSource) sources.list().get(2);

        assertThat(dotenv.get(Setting.INTERNAL_API_KEY)).contains(INTERNAL_KEY);
        assertThat(dotenv.duplicates()).containsOnlyKeys("OPENAI_INTERNAL_API_KEY");
        assertThat(dotenv.duplicates().get("OPENAI_INTERNAL_API_KEY")).containsExactly(2, 4);
    }
}
