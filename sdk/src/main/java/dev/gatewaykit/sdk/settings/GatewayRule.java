package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.GatewayKind;

import java.util.List;
import java.util.Optional;

/**
 * The gateway rule: {@code OPENAI_GATEWAY} when set (and not {@code auto}), else detection by host and by the
 * gateway settings that belong to the base URL's origin.
 */
final class GatewayRule {

    static final String PORTKEY_CLOUD_HOST = "api.portkey.ai";

    private GatewayRule() {
    }

    /** {@code OPENAI_GATEWAY}: empty for unset or {@code auto}; a problem for an unknown kind. */
    static Checked<Optional<GatewayKind>> explicit(Optional<FoundValue> found) {
        if (found.isEmpty() || found.get().value().equalsIgnoreCase("auto")) {
            return Checked.ok(Optional.empty());
        }
        Optional<GatewayKind> kind = GatewayKind.fromId(found.get().value());
        return kind.isPresent() ? Checked.ok(kind) : new Checked<>(kind, List.of(new SettingsProblem(
                Setting.GATEWAY.variable(), found.get().value(), "is not a gateway kind.",
                "use auto, openai, litellm, portkey or generic.")));
    }

    /**
     * Gateway detection: api.openai.com -> openai; api.portkey.ai, or any Portkey setting on the base URL's origin ->
     * portkey; a host containing "litellm", or any LiteLLM setting on the base URL's origin -> litellm; else generic.
     */
    static GatewayKind detect(String url, String baseUrl, PortkeySettings portkey, LiteLlmSettings litellm) {
        String host = UrlRules.host(url);
        if (host.equals("api.openai.com")) {
            return GatewayKind.OPENAI;
        }
        boolean baseOrigin = RouteSettings.originOf(url).equals(RouteSettings.originOf(baseUrl));
        if (host.equals(PORTKEY_CLOUD_HOST) || (portkey.anySet() && baseOrigin)) {
            return GatewayKind.PORTKEY;
        }
        if (host.contains("litellm") || (litellm.anySet() && baseOrigin)) {
            return GatewayKind.LITELLM;
        }
        return GatewayKind.GENERIC;
    }

    /** Whether {@code PORTKEY_*} settings are meant for {@code url}: the base URL's origin or Portkey's cloud. */
    static boolean portkeyOrigin(String url, String baseUrl) {
        return UrlRules.host(url).equals(PORTKEY_CLOUD_HOST)
                || RouteSettings.originOf(url).equals(RouteSettings.originOf(baseUrl));
    }
}
