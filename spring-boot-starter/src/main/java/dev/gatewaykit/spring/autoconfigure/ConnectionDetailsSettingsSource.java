package dev.gatewaykit.spring.autoconfigure;

import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsSource;

/**
 * An {@link OpenAIGatewayConnectionDetails} as a settings layer: its base URLs and keys become the per-role
 * settings ({@code OPENAI_<ROLE>_BASE_URL}, {@code OPENAI_<ROLE>_API_KEY}), its common base URL
 * {@code OPENAI_BASE_URL}, its gateway {@code OPENAI_GATEWAY}, Portkey product and key; the layer is named by
 * {@link OpenAIGatewayConnectionDetails#layerName()}.
 */
final class ConnectionDetailsSettingsSource implements SettingsSource {

    private final OpenAIGatewayConnectionDetails details;

    /**
     * A layer of {@code details}.
     * @throws IllegalStateException when {@code details} move the common base URL without the keys that must move
     * with it (see {@link OpenAIGatewayConnectionDetails#baseUrl()})
     */
    ConnectionDetailsSettingsSource(OpenAIGatewayConnectionDetails details) {
        this.details = details;
        if (details.baseUrl().isPresent()) {
            checkKeysMoveWithTheBaseUrl(details);
        }
    }

    /**
     * The shared keys ({@code OPENAI_API_KEY}, {@code OPENAI_INTERNAL_API_KEY}, {@code PORTKEY_API_KEY}) follow the
     * resolved common base URL: details that move it must bring every role's key, and the Portkey key unless they
     * name a gateway other than Portkey, or a configured key would reach the origin they moved to.
     */
    private static void checkKeysMoveWithTheBaseUrl(OpenAIGatewayConnectionDetails details) {
        // The URL itself stays out of the message: it could carry credentials.
        String moved = details.layerName() + " returns baseUrl()";
        for (Role role : Role.values()) {
            if (details.apiKey(role).isEmpty()) {
                throw new IllegalStateException(moved + " but no apiKey(" + role + "): the keys configured for"
                        + " OPENAI_BASE_URL (" + Setting.API_KEY.variable() + ", "
                        + Setting.INTERNAL_API_KEY.variable() + ") are never sent to the origin it moves to. Return"
                        + " apiKey(role) for every role, or move single roles with baseUrl(role) only.");
            }
        }
        boolean notPortkey = details.gateway().isPresent() && details.gateway().get() != GatewayKind.PORTKEY;
        if (!notPortkey && details.portkeyApiKey().isEmpty()) {
            throw new IllegalStateException(moved + " but no portkeyApiKey(): a configured "
                    + Setting.PORTKEY_API_KEY.variable() + " is never sent to the origin it moves to. Return"
                    + " portkeyApiKey(), or a gateway() other than PORTKEY.");
        }
    }

    @Override
    public String name() {
        return this.details.layerName();
    }

    @Override
    public Optional<String> get(Setting setting) {
        if (setting == Setting.GATEWAY) {
            return this.details.gateway().map(GatewayKind::id);
        }
        if (setting == Setting.PORTKEY_PRODUCT) {
            return this.details.portkeyProduct().map(PortkeyProduct::id);
        }
        if (setting == Setting.BASE_URL) {
            return this.details.baseUrl();
        }
        if (setting == Setting.PORTKEY_API_KEY) {
            return this.details.portkeyApiKey();
        }
        Optional<Role> role = setting.role();
        if (role.isEmpty()) {
            return Optional.empty();
        }
        if (setting == Setting.roleBaseUrl(role.get())) {
            return this.details.baseUrl(role.get());
        }
        if (setting == Setting.roleApiKey(role.get())) {
            return this.details.apiKey(role.get());
        }
        return Optional.empty();
    }

    @Override
    public String howToSet(Setting setting) {
        Optional<Role> role = setting.role();
        if (role.isPresent() && setting == Setting.roleApiKey(role.get())) {
            return "return the key from OpenAIGatewayConnectionDetails.apiKey(" + role.get() + ")";
        }
        if (setting == Setting.PORTKEY_API_KEY) {
            return "return the key from OpenAIGatewayConnectionDetails.portkeyApiKey()";
        }
        if (setting == Setting.BASE_URL) {
            return "return the URL from OpenAIGatewayConnectionDetails.baseUrl()";
        }
        if (role.isPresent() && setting == Setting.roleBaseUrl(role.get())) {
            return "return the URL from OpenAIGatewayConnectionDetails.baseUrl(" + role.get() + ")";
        }
        return SettingsSource.super.howToSet(setting);
    }

    @Override
    public String toString() {
        return "SettingsSource[" + name() + "]";
    }

}
