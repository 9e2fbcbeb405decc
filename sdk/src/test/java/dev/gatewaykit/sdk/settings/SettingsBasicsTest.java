package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;

/** Masking, the settings table, the builder and global settings. */
class SettingsBasicsTest {

    @TempDir
    Path tmp;

    @Test
    void masksKeys() {
        assertThat(Secrets.mask("sk-test-abcdefgh1234")).isEqualTo("sk-...1234");
        assertThat(Secrets.mask("sk-shortkey")).isEqualTo("****");
        assertThat(Secrets.mask(null)).isEqualTo("****");
        assertThat(ApiKey.of("sk-test-abcdefgh1234")).hasToString("sk-...1234");
    }

    @Test
    void settingsTableNamesMatchAcrossEnvAndProperties() {
        assertThat(Setting.roleBaseUrl(Role.LLM).variable()).isEqualTo("OPENAI_LLM_BASE_URL");
        assertThat(Setting.roleBaseUrl(Role.LLM).property()).isEqualTo("openai.llm.base-url");
        assertThat(Setting.forRole(Role.EMBEDDINGS, Setting.RoleSetting.AUTH).property())
                .isEqualTo("openai.embeddings.auth");
        assertThat(Setting.PORTKEY_API_KEY.property()).isEqualTo("openai.portkey.api-key");
        assertThat(Setting.PORTKEY_API_KEY.secret()).isTrue();
        assertThat(Setting.ORG_ID.property()).isEqualTo("openai.org-id");
        assertThat(Setting.all()).extracting(Setting::variable).doesNotHaveDuplicates()
                .contains("OPENAI_FAILOVER_BASE_URL", "OPENAI_CODEX_HEADERS");
        assertThat(Setting.all()).extracting(Setting::property).doesNotHaveDuplicates();
        assertThat(Role.EMBEDDINGS.envName()).isEqualTo("EMBEDDINGS");
        assertThat(Role.EMBEDDINGS.propertyName()).isEqualTo("embeddings");
        assertThat(GatewayKind.fromId(" LiteLLM ")).contains(GatewayKind.LITELLM);
        assertThat(GatewayKind.fromId("auto")).isEmpty();
    }

    @Test
    void builderValuesWinOverEveryLayerAndToBuilderKeepsThem() {
        String key = fakeKey();
        GatewaySettings settings = GatewaySettings.builder()
                .sources(layers().env("OPENAI_BASE_URL", "http://env-host:4000").sources(tmp))
                .baseUrl("http://builder-host:4000").apiKey(key).model(Role.LLM, "gpt-4o-mini").build();

        RouteSettings llm = settings.route(Role.LLM);
        assertThat(llm.baseUrl()).isEqualTo("http://builder-host:4000");
        assertThat(llm.sources().get(Setting.RoleSetting.BASE_URL).layer()).isEqualTo("builder");
        assertThat(llm.model()).contains("gpt-4o-mini");

        GatewaySettings changed = settings.toBuilder().model(Role.LLM, "gpt-4.1").build();
        assertThat(changed.route(Role.LLM).model()).contains("gpt-4.1");
        assertThat(changed.route(Role.LLM).baseUrl()).isEqualTo("http://builder-host:4000");
    }

    @Test
    void resolvesGlobalSettings() {
        String key = fakeKey();
        GatewaySettings settings = GatewaySettings.resolve(layers().env("OPENAI_API_KEY", key)
                .env("OPENAI_CONNECT_TIMEOUT", "2s").env("OPENAI_READ_TIMEOUT", "PT45S").env("OPENAI_TIMEOUT", "3m")
                .env("OPENAI_MAX_RETRIES", "0").env("OPENAI_ORG_ID", "org-test").env("OPENAI_PROJECT_ID", "proj-test")
                .env("OPENAI_HEADERS", "X-Team=search,X-Env=test").env("OPENAI_LLM_HEADERS", "X-Env=prod")
                .env("OPENAI_LLM_TIMEOUT", "500ms").env("OPENAI_PROXY_HOST", "corp-proxy")
                .env("OPENAI_PROXY_PORT", "3128").env("OPENAI_PROXY_USERNAME", "me")
                .env("OPENAI_PROXY_PASSWORD", "test-password-123").sources(tmp));

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.maxRetries()).isZero();
        assertThat(settings.organization()).contains("org-test");
        assertThat(settings.project()).contains("proj-test");
        assertThat(settings.route(Role.LLM).headers()).containsExactly(Map.entry("X-Team", "search"),
                Map.entry("X-Env", "prod"));
        assertThat(settings.route(Role.CODEX).headers()).containsEntry("X-Env", "test");
        assertThat(settings.route(Role.LLM).timeout()).contains(Duration.ofMillis(500));
        assertThat(settings.route(Role.CODEX).timeout()).isEmpty();
        assertThat(settings.proxy()).hasValueSatisfying(p -> {
            assertThat(p.host()).isEqualTo("corp-proxy");
            assertThat(p.port()).isEqualTo(3128);
            assertThat(p.toString()).doesNotContain("test-password-123");
        });
        assertThat(settings.toString()).doesNotContain(key).contains(Secrets.mask(key));
        assertThat(settings.routingTable()).doesNotContain(key).contains(Secrets.mask(key))
                .contains("OPENAI_API_KEY(env)");
    }

    @Test
    void systemPropertiesAcceptOnePropertyPerMapEntry() {
        Properties props = new Properties();
        props.setProperty("openai.headers.X-Team", "search");
        props.setProperty("openai.api-key", fakeKey());
        GatewaySettings settings = GatewaySettings.resolve(SettingsSources.of(new SystemPropertiesSource(props)));

        assertThat(settings.headers()).containsEntry("X-Team", "search");
        assertThat(settings.valueSources().get("OPENAI_API_KEY").layer()).isEqualTo("system");
    }

    @Test
    void defaultsWhenNothingButAKeyIsSet() {
        GatewaySettings settings = GatewaySettings.resolve(SettingsSources.of(
                new MapSource("test", Map.of("OPENAI_API_KEY", fakeKey()))));

        assertThat(settings.routes()).hasSize(3).allSatisfy((role, route) -> {
            assertThat(route.baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(route.origin()).isEqualTo("https://api.openai.com");
            assertThat(route.gateway()).isEqualTo(GatewayKind.OPENAI);
        });
        assertThat(settings.maxRetries()).isEqualTo(2);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
