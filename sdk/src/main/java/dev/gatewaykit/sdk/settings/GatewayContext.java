package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;

import java.util.Optional;

/**
 * What decides a route's gateway: {@code OPENAI_GATEWAY} and the gateway settings of the base URL's origin.
 *
 * @param explicit the kind set by {@code OPENAI_GATEWAY}, empty for auto
 * @param found    where {@code OPENAI_GATEWAY} came from, or null when unset
 * @param portkey  the {@code PORTKEY_*} settings
 * @param litellm  the {@code OPENAI_LITELLM_*} settings
 * @param product  the Portkey product set by {@code PORTKEY_PRODUCT}, empty for detection by host
 */
record GatewayContext(Optional<GatewayKind> explicit, FoundValue found, PortkeySettings portkey,
                      LiteLlmSettings litellm, Optional<PortkeyProduct> product) {
}
