package dev.gatewaykit.spring.autoconfigure;

import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where each role connects: base URL and key. Separates <em>where</em> from <em>how</em> (timeouts, headers,
 * retries), so test support or a platform integration can point the roles somewhere else by supplying a bean of
 * this type.
 * <p>
 * The values a bean of this type returns become the highest settings layer, above every Spring property source,
 * named by {@link #layerName()} in routing tables and messages; an empty value leaves the configured one in place.
 * The resolved result is validated by the same rules as any other configuration.
 */
public interface OpenAIGatewayConnectionDetails extends ConnectionDetails {

    /**
     * Base URL for a role, e.g. {@code http://127.0.0.1:4000/v1}.
     * @param role the role
     * @return the base URL, or empty to keep the configured one
     */
    Optional<String> baseUrl(Role role);

    /**
     * The common base URL, {@code OPENAI_BASE_URL}: the proxy that the gateway's own settings ({@code PORTKEY_*},
     * {@code OPENAI_LITELLM_*}) belong to and are sent to. Roles still connect where {@link #baseUrl(Role)} says.
     * <p>
     * The shared keys belong to this URL's origin, so details that return it must also return
     * {@link #apiKey(Role)} for every role and {@link #portkeyApiKey()} (unless {@link #gateway()} names another
     * gateway than Portkey); otherwise the start fails rather than send a configured key to the new origin.
     * @return the base URL, or empty to keep the configured one
     */
    default Optional<String> baseUrl() {
        return Optional.empty();
    }

    /**
     * Key for a role.
     * @param role the role
     * @return the key, or empty to keep the configured one
     */
    default Optional<String> apiKey(Role role) {
        return Optional.empty();
    }

    /**
     * The Portkey API key, {@code PORTKEY_API_KEY} ({@code x-portkey-api-key}), sent only to the common base URL's
     * origin (the configured one, or {@link #baseUrl()}) or Portkey's cloud.
     * @return the key, or empty to keep the configured one
     */
    default Optional<String> portkeyApiKey() {
        return Optional.empty();
    }

    /**
     * Gateway at the other end, for every role.
     * @return the gateway kind, or empty to keep the configured one (or detect it)
     */
    default Optional<GatewayKind> gateway() {
        return Optional.empty();
    }

    /**
     * The Portkey product a Portkey gateway is, {@code PORTKEY_PRODUCT}; empty leaves the configured one (or the
     * default by host) in place.
     * @return the product, if these details know it
     */
    default Optional<PortkeyProduct> portkeyProduct() {
        return Optional.empty();
    }

    /**
     * How the routing table's FROM column and error messages name the values of this bean: something a reader
     * recognises, such as {@code "demo stubs"} or {@code "@AutoConfigureGatewayStub"}. By default the bean's class
     * name, {@code "MyPlatformConnectionDetails bean"} ({@code "OpenAIGatewayConnectionDetails bean"} for an
     * anonymous class or a lambda).
     * @return the layer name
     */
    default String layerName() {
        Class<?> type = getClass();
        boolean named = !type.isAnonymousClass() && !type.isSynthetic() && !type.getSimpleName().contains("$$");
        return (named ? type.getSimpleName() : OpenAIGatewayConnectionDetails.class.getSimpleName()) + " bean";
    }

}
