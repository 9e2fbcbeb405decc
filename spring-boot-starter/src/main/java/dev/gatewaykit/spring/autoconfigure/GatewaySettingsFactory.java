package dev.gatewaykit.spring.autoconfigure;

import java.util.function.Supplier;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.SettingsSources;

/** Resolves the settings bean: the connection details on top of the configured layers. */
final class GatewaySettingsFactory {

    private GatewaySettingsFactory() {
    }

    static GatewaySettings create(OpenAIGatewayConnectionDetails details, Supplier<SettingsSources> configured) {
        if (details instanceof PropertiesOpenAIGatewayConnectionDetails properties) {
            // Its values were resolved from these same layers; resolving again would only repeat the work.
            return properties.settings();
        }
        return GatewaySettings.resolve(configured.get().withHighest(new ConnectionDetailsSettingsSource(details)));
    }

}
