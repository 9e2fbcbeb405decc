package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Gateway detection for {@code OPENAI_GATEWAY=auto}, and the explicit setting winning. */
class GatewayDetectionTest {

    @TempDir
    static Path tmp;

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("nothing set", layers(), GatewayKind.OPENAI, "derived"),
                arguments("portkey cloud host", layers().env("OPENAI_BASE_URL", "https://api.portkey.ai/v1"),
                        GatewayKind.PORTKEY, "derived"),
                arguments("any portkey setting", layers().env("OPENAI_BASE_URL", "http://127.0.0.1:8787/v1")
                        .env("PORTKEY_PROVIDER", "openai"), GatewayKind.PORTKEY, "derived"),
                arguments("host says litellm", layers().env("OPENAI_BASE_URL", "http://litellm.internal:4000"),
                        GatewayKind.LITELLM, "derived"),
                arguments("litellm setting", layers().env("OPENAI_BASE_URL", "http://127.0.0.1:4000")
                        .env("OPENAI_LITELLM_TAGS", "team-a"), GatewayKind.LITELLM, "derived"),
                arguments("anything else is generic", layers().env("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"),
                        GatewayKind.GENERIC, "derived"),
                arguments("auto is auto", layers().env("OPENAI_GATEWAY", "AUTO")
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:4000"), GatewayKind.GENERIC, "derived"),
                arguments("explicit wins", layers().dotenv("OPENAI_GATEWAY=litellm")
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:4000"), GatewayKind.LITELLM, ".env"),
                arguments("blank explicit is auto", layers().env("OPENAI_GATEWAY", " ")
                        .env("OPENAI_BASE_URL", "http://litellm:4000"), GatewayKind.LITELLM, "derived"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void detects(String name, TestLayers layers, GatewayKind kind, String layer) {
        layers.env("OPENAI_API_KEY", fakeKey());
        RouteSettings route = GatewaySettings.resolve(layers.sources(tmp)).route(Role.LLM);

        assertThat(route.gateway()).isEqualTo(kind);
        assertThat(route.sources().get(Setting.GATEWAY)).isEqualTo(new RouteSettings.ValueSource("OPENAI_GATEWAY", layer));
    }

    static Stream<Arguments> originRows() {
        String portkeyCloud = "https://api.portkey.ai/v1";
        return Stream.of(
                // name, layers, role, expected kind, whether the PORTKEY_* settings apply to the route
                arguments("portkey cloud route gets the portkey settings", layers()
                        .env("OPENAI_BASE_URL", portkeyCloud).env("PORTKEY_API_KEY", fakeKey())
                        .env("OPENAI_INTERNAL_BASE_URL", "http://litellm-internal:4000"), Role.LLM,
                        GatewayKind.PORTKEY, true),
                arguments("portkey settings do not make another origin portkey", layers()
                        .env("OPENAI_BASE_URL", portkeyCloud).env("PORTKEY_API_KEY", fakeKey())
                        .env("OPENAI_INTERNAL_BASE_URL", "http://litellm-internal:4000"), Role.EMBEDDINGS,
                        GatewayKind.LITELLM, false),
                arguments("portkey settings on a local base URL leave another origin generic", layers()
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:8787/v1").env("PORTKEY_PROVIDER", "openai")
                        .env("OPENAI_INTERNAL_BASE_URL", "http://127.0.0.1:11434/v1"), Role.EMBEDDINGS,
                        GatewayKind.GENERIC, false),
                arguments("explicit portkey at another origin gets no portkey settings", layers()
                        .env("OPENAI_GATEWAY", "portkey").env("PORTKEY_PRODUCT", "cloud")
                        .env("OPENAI_BASE_URL", portkeyCloud)
                        .env("PORTKEY_API_KEY", fakeKey()).env("OPENAI_INTERNAL_BASE_URL", "http://127.0.0.1:8787/v1"),
                        Role.EMBEDDINGS, GatewayKind.PORTKEY, false),
                arguments("portkey cloud as the internal route gets them", layers()
                        .env("OPENAI_BASE_URL", "https://api.openai.com/v1").env("PORTKEY_CONFIG", "pc-test-1")
                        .env("PORTKEY_PRODUCT", "cloud")
                        .env("OPENAI_INTERNAL_BASE_URL", portkeyCloud), Role.EMBEDDINGS, GatewayKind.PORTKEY, true),
                arguments("litellm settings do not make another origin litellm", layers()
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:4000").env("OPENAI_LITELLM_TAGS", "team-a")
                        .env("OPENAI_INTERNAL_BASE_URL", "http://127.0.0.1:11434/v1"), Role.EMBEDDINGS,
                        GatewayKind.GENERIC, false),
                arguments("litellm settings on the base origin", layers()
                        .env("OPENAI_BASE_URL", "http://127.0.0.1:4000").env("OPENAI_LITELLM_TAGS", "team-a")
                        .env("OPENAI_INTERNAL_BASE_URL", "http://127.0.0.1:11434/v1"), Role.LLM,
                        GatewayKind.LITELLM, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("originRows")
    void gatewaySettingsStayOnTheirOrigin(String name, TestLayers layers, Role role, GatewayKind kind,
                                          boolean portkeyApplies) {
        layers.env("OPENAI_API_KEY", fakeKey()).env("OPENAI_INTERNAL_API_KEY", fakeKey());
        GatewaySettings settings = GatewaySettings.resolve(layers.sources(tmp));
        RouteSettings route = settings.route(role);

        assertThat(route.gateway()).isEqualTo(kind);
        assertThat(route.portkey()).isEqualTo(portkeyApplies ? settings.portkey() : PortkeySettings.none());
    }
}
