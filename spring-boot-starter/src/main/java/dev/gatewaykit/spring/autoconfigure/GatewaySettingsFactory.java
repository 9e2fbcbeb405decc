package dev.gatewaykit.spring.autoconfigure;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.SettingsSources;
import dev.gatewaykit.spring.settings.DotenvLayers;

import org.springframework.core.env.Environment;

/** Resolves the settings bean: the connection details on top of the configured layers. */
final class GatewaySettingsFactory {

    private GatewaySettingsFactory() {
    }

    static GatewaySettings create(OpenAIGatewayConnectionDetails details, OpenAIGatewayProperties properties,
            Environment environment) {
        if (details instanceof PropertiesOpenAIGatewayConnectionDetails fromProperties) {
            // Its values were resolved from these same layers; resolving again would only repeat the work.
            return fromProperties.settings();
        }
        return GatewaySettings.resolve(layers(properties, environment)
            .withHighest(new ConnectionDetailsSettingsSource(details)));
    }

    /** The configured layers: Spring's environment, then the {@code .env} files when enabled. */
    static SettingsSources layers(OpenAIGatewayProperties properties, Environment environment) {
        OpenAIGatewayProperties.Dotenv dotenv = properties.getDotenv();
        return DotenvLayers.create(environment, dotenv.isEnabled(), dotenv.getDirectory());
    }

}
