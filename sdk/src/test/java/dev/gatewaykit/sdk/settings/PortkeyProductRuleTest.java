package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Which Portkey a route talks to ({@code PORTKEY_PRODUCT}, else by host), and the self-hosted rule: settings only
 * Portkey cloud accepts are a settings error naming the variable and the self-hosted form that works.
 */
class PortkeyProductRuleTest {

    private static final String CLOUD = "https://api.portkey.ai/v1";
    private static final String SELF_HOSTED = "http://127.0.0.1:8787/v1";
    private static final String KEY = fakeKey();

    @TempDir
    static Path tmp;

    static Stream<Arguments> products() {
        return Stream.of(
                // name, layers, expected product of the LLM route
                arguments("api.portkey.ai is the cloud", layers().env("OPENAI_BASE_URL", CLOUD)
                        .env("PORTKEY_API_KEY", KEY), PortkeyProduct.CLOUD),
                arguments("any other host is self-hosted", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_PROVIDER", "openai").env("OPENAI_API_KEY", KEY), PortkeyProduct.SELF_HOSTED),
                arguments("explicit cloud on a local URL", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_PRODUCT", "cloud").env("PORTKEY_API_KEY", KEY), PortkeyProduct.CLOUD),
                arguments("explicit self-hosted on the cloud host", layers().env("OPENAI_BASE_URL", CLOUD)
                        .env("PORTKEY_PRODUCT", "Self-Hosted").env("PORTKEY_PROVIDER", "openai")
                        .env("OPENAI_API_KEY", KEY), PortkeyProduct.SELF_HOSTED),
                arguments("the property name works too", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .system("openai.portkey.product", "cloud").env("PORTKEY_API_KEY", KEY),
                        PortkeyProduct.CLOUD),
                arguments("explicit gateway on a local URL without settings", layers()
                        .env("OPENAI_BASE_URL", SELF_HOSTED).env("OPENAI_GATEWAY", "portkey")
                        .env("PORTKEY_PRODUCT", "self-hosted").env("PORTKEY_PROVIDER", "openai")
                        .env("OPENAI_API_KEY", KEY), PortkeyProduct.SELF_HOSTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void productOfAPortkeyRoute(String name, TestLayers layers, PortkeyProduct product) {
        GatewaySettings settings = GatewaySettings.resolve(layers.sources(tmp));

        assertThat(settings.route(Role.LLM).gateway()).isEqualTo(GatewayKind.PORTKEY);
        assertThat(settings.route(Role.LLM).portkey().product()).isEqualTo(product);
        assertThat(settings.portkey().product()).isEqualTo(product);
    }

    static Stream<Arguments> selfHostedMistakes() {
        return Stream.of(
                // name, layers (self-hosted Portkey at SELF_HOSTED), variable, value shown, message part, fix part
                arguments("catalog model", selfHosted().env("OPENAI_LLM_MODEL", "@openai-prod/gpt-4o-mini"),
                        "OPENAI_LLM_MODEL", "@openai-prod/gpt-4o-mini", "Model Catalog name (@slug/model)",
                        "provider's own model name (e.g. gpt-4o-mini) and name the provider with PORTKEY_PROVIDER"),
                arguments("catalog model map target", selfHosted()
                        .env("OPENAI_CODEX_MODEL_MAP", "gpt-4o-mini=@openai-prod/gpt-4o-mini"),
                        "OPENAI_CODEX_MODEL_MAP", "gpt-4o-mini=@openai-prod/gpt-4o-mini",
                        "Model Catalog name (@slug/model)", "e.g. gpt-4o-mini=gpt-4o-mini"),
                arguments("saved config id", selfHosted().env("PORTKEY_CONFIG", "pc-test-123"), "PORTKEY_CONFIG",
                        "pc-test-123", "saved Portkey cloud config id", "write the config as JSON"),
                arguments("config that is not JSON", selfHosted().env("PORTKEY_CONFIG", "{provider:openai"),
                        "PORTKEY_CONFIG", "{provider:openai", "is not a JSON object", "write the config as JSON"),
                arguments("no provider", layers().env("OPENAI_BASE_URL", SELF_HOSTED).env("OPENAI_GATEWAY",
                        "portkey").env("OPENAI_API_KEY", KEY), "PORTKEY_PROVIDER", "",
                        "Either x-portkey-config or x-portkey-provider header is required",
                        "set PORTKEY_PROVIDER (e.g. openai"),
                arguments("JSON config without provider or targets", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_CONFIG", "{\"retry\":{\"attempts\":2}}").env("OPENAI_API_KEY", KEY),
                        "PORTKEY_PROVIDER", "", "PORTKEY_CONFIG has neither provider nor targets",
                        "{\"provider\":\"openai\"}"),
                arguments("keyless through the Portkey cloud key", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_PROVIDER", "openai").env("PORTKEY_API_KEY", KEY), "OPENAI_API_KEY", "",
                        "'Authorization: Bearer undefined'", "set OPENAI_API_KEY to the provider's key"),
                arguments("keyless by auth none", selfHosted().env("OPENAI_EMBEDDINGS_AUTH", "none"),
                        "OPENAI_API_KEY", "", "EMBEDDINGS route to the self-hosted Portkey gateway",
                        "put api_key into a JSON PORTKEY_CONFIG"),
                arguments("keyless role URL names the role key", selfHosted()
                        .env("OPENAI_CODEX_BASE_URL", "http://127.0.0.1:8787/v1").env("OPENAI_CODEX_AUTH", "none"),
                        "OPENAI_CODEX_API_KEY", "", "'Authorization: Bearer undefined'",
                        "set OPENAI_CODEX_API_KEY to the provider's key"));
    }

    private static TestLayers selfHosted() {
        return layers().env("OPENAI_BASE_URL", SELF_HOSTED).env("PORTKEY_PROVIDER", "openai")
                .env("OPENAI_API_KEY", KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfHostedMistakes")
    void selfHostedRouteWrittenForTheCloudIsASettingsError(String name, TestLayers layers, String variable,
                                                           String value, String message, String fix) {
        assertThatThrownBy(() -> GatewaySettings.resolve(layers.sources(tmp)))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.variable()).isEqualTo(variable);
                            assertThat(p.value()).isEqualTo(value);
                            assertThat(p.message()).contains(message).contains("127.0.0.1:8787");
                            assertThat(p.fix()).contains(fix).contains("PORTKEY_PRODUCT=cloud");
                        }))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));

        // The same settings on Portkey cloud are fine: each mistake is one only self-hosted.
        GatewaySettings cloud = GatewaySettings.resolve(layers.env("PORTKEY_PRODUCT", "cloud").sources(tmp));
        assertThat(cloud.route(Role.LLM).portkey().product()).isEqualTo(PortkeyProduct.CLOUD);
    }

    static Stream<Arguments> selfHostedForms() {
        return Stream.of(
                // name, layers: the self-hosted forms that work
                arguments("provider header and the provider key", selfHosted()
                        .env("OPENAI_LLM_MODEL", "gpt-4o-mini")),
                arguments("JSON config with provider", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_CONFIG", "{\"provider\":\"openai\"}").env("OPENAI_API_KEY", KEY)),
                arguments("JSON config with targets", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_CONFIG", "{\"strategy\":{\"mode\":\"fallback\"},\"targets\":[{\"provider\":"
                                + "\"openai\"}]}").env("OPENAI_API_KEY", KEY)),
                arguments("keyless with api_key in the JSON config", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_CONFIG", "{\"provider\":\"openai\",\"api_key\":\"" + KEY + "\"}")
                        .env("OPENAI_LLM_AUTH", "none").env("OPENAI_API_KEY", KEY)),
                arguments("keyless with api_key in every target", layers().env("OPENAI_BASE_URL", SELF_HOSTED)
                        .env("PORTKEY_CONFIG", "{\"targets\":[{\"provider\":\"openai\",\"api_key\":\"" + KEY
                                + "\"}]}").env("OPENAI_LLM_AUTH", "none").env("OPENAI_API_KEY", KEY)),
                arguments("not a Portkey route", layers().env("OPENAI_BASE_URL", "http://127.0.0.1:4000")
                        .env("OPENAI_LLM_MODEL", "@openai-prod/gpt-4o-mini").env("OPENAI_API_KEY", KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfHostedForms")
    void selfHostedFormsResolve(String name, TestLayers layers) {
        SettingsReport report = GatewaySettings.inspect(layers.sources(tmp));

        assertThat(report.problems()).isEmpty();
    }

    static Stream<Arguments> badProducts() {
        return Stream.of(arguments("oss"), arguments("selfhosted"), arguments("portkey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProducts")
    void unknownProductNamesTheVariable(String value) {
        TestLayers layers = layers().env("OPENAI_BASE_URL", CLOUD).env("PORTKEY_API_KEY", KEY)
                .env("PORTKEY_PRODUCT", value);

        List<SettingsProblem> problems = GatewaySettings.inspect(layers.sources(tmp)).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.variable()).isEqualTo("PORTKEY_PRODUCT");
            assertThat(p.value()).isEqualTo(value);
            assertThat(p.message()).isEqualTo("is not a Portkey product.");
            assertThat(p.fix()).contains("cloud").contains("self-hosted");
        });
    }
}
