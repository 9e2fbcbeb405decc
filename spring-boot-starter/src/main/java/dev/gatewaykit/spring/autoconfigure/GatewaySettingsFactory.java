package dev.gatewaykit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsProblem;
import dev.gatewaykit.sdk.settings.SettingsReport;
import dev.gatewaykit.sdk.settings.SettingsSources;

/** Resolves the settings bean: the connection details on top of the configured layers. */
final class GatewaySettingsFactory {

    private GatewaySettingsFactory() {
    }

    static GatewaySettings create(OpenAIGatewayConnectionDetails details, Supplier<SettingsSources> configured) {
        if (details.getClass() == PropertiesOpenAIGatewayConnectionDetails.class) {
            // Its values were resolved from these same layers; resolving again would only repeat the work.
            return ((PropertiesOpenAIGatewayConnectionDetails) details).settings();
        }
        SettingsSources layers = configured.get();
        GatewaySettings settings = GatewaySettings.resolve(layers.withHighest(new ConnectionDetailsSettingsSource(details)));
        List<SettingsProblem> problems = keysLeftBehind(details, GatewaySettings.inspect(layers), settings);
        if (!problems.isEmpty()) {
            throw new GatewaySettingsException(problems);
        }
        return settings;
    }

    /**
     * The key rule across the connection-details seam: when the details move a role to another origin without
     * giving its key, the configured key belongs to the configured origin and must not follow the role.
     */
    private static List<SettingsProblem> keysLeftBehind(OpenAIGatewayConnectionDetails details,
            SettingsReport configured, GatewaySettings settings) {
        List<SettingsProblem> problems = new ArrayList<>();
        if (configured.settings() == null) {
            return problems;
        }
        for (Role role : Role.values()) {
            RouteSettings route = settings.route(role);
            if (details.baseUrl(role).isEmpty() || details.apiKey(role).isPresent() || route.apiKey().isEmpty()
                    || route.keyless()) {
                continue;
            }
            String configuredOrigin = configured.settings().route(role).origin();
            if (!configuredOrigin.equals(route.origin())) {
                problems.add(new SettingsProblem(Setting.roleApiKey(role).variable(),
                        route.apiKey().get().masked(),
                        "the key was configured for " + configuredOrigin + ", but the connection details ("
                                + details.getClass().getSimpleName() + ") move " + role + " to " + route.origin()
                                + " without a key",
                        "return the key for " + route.origin() + " from OpenAIGatewayConnectionDetails.apiKey("
                                + role + "), or set openai." + role.propertyName() + ".auth=none for a keyless route"));
            }
        }
        return problems;
    }

}
