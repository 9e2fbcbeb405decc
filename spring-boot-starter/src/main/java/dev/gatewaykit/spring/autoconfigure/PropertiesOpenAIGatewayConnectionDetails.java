package dev.gatewaykit.spring.autoconfigure;

import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.SettingsSources;

/**
 * Connection details from configuration: what the sdk resolves from the Spring property sources and the
 * {@code .env} files. Resolution happens once, on first use.
 */
final class PropertiesOpenAIGatewayConnectionDetails implements OpenAIGatewayConnectionDetails {

    private final SettingsSources sources;

    private volatile GatewaySettings settings;

    /**
     * Creates connection details resolved from the given layers.
     * @param sources the configuration layers, highest first
     */
    PropertiesOpenAIGatewayConnectionDetails(SettingsSources sources) {
        this.sources = sources;
    }

    @Override
    public Optional<String> baseUrl(Role role) {
        return Optional.of(settings().route(role).baseUrl());
    }

    @Override
    public Optional<String> apiKey(Role role) {
        return settings().route(role).apiKey().map(ApiKey::reveal);
    }

    /**
     * The settings these details were read from.
     * @return the resolved settings
     * @throws dev.gatewaykit.sdk.settings.GatewaySettingsException when the configuration is invalid
     */
    GatewaySettings settings() {
        GatewaySettings resolved = this.settings;
        if (resolved == null) {
            synchronized (this) {
                resolved = this.settings;
                if (resolved == null) {
                    resolved = GatewaySettings.resolve(this.sources);
                    this.settings = resolved;
                }
            }
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "PropertiesOpenAIGatewayConnectionDetails[" + this.sources.list() + "]";
    }

}
