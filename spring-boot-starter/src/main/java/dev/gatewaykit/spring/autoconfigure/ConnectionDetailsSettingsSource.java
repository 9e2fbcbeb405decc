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

    ConnectionDetailsSettingsSource(OpenAIGatewayConnectionDetails details) {
        this.details = details;
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
        return SettingsSource.super.howToSet(setting);
    }

    @Override
    public String toString() {
        return "SettingsSource[" + name() + "]";
    }

}
