package dev.gatewaykit.spring.autoconfigure;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.SettingsWarning;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs the routing table once at startup, as one INFO line (role → gateway, base URL, model, masked key), and
 * each settings warning as a WARN line. Whoever reads the log of a failing call sees where each role went.
 */
final class GatewayRoutesLogger implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(GatewayRoutesLogger.class);

    private final ObjectProvider<GatewaySettings> settings;

    GatewayRoutesLogger(ObjectProvider<GatewaySettings> settings) {
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        GatewaySettings resolved = this.settings.getIfUnique();
        if (resolved == null) {
            return;
        }
        for (SettingsWarning warning : resolved.warnings()) {
            logger.warn("OpenAI gateway settings: " + warning.variable() + ": " + warning.message());
        }
        if (logger.isInfoEnabled()) {
            logger.info(routingLine(resolved));
        }
    }

    static String routingLine(GatewaySettings settings) {
        return "OpenAI gateway routes: " + Arrays.stream(Role.values())
            .map((role) -> describe(settings.route(role)))
            .collect(Collectors.joining("; "));
    }

    private static String describe(RouteSettings route) {
        String key = route.keyless() ? "keyless" : route.apiKey().map((k) -> "key " + k.masked()).orElse("no key");
        return route.role().propertyName() + " → " + route.gateway().id() + " " + route.baseUrl() + " (model "
                + route.model().orElse("per request") + ", " + key + ")";
    }

}
