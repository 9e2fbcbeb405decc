package dev.gatewaykit.spring.autoconfigure;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.credentials.CredentialClients;
import dev.gatewaykit.sdk.settings.FailoverSettings;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.SettingsWarning;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs the routing table once at startup, as one INFO line (role -> gateway, base URL, model, masked key, and the
 * failover target with its masked key where failover is on), one INFO line for the named credentials when there
 * are any, and each settings warning as a WARN line. Whoever reads the log of a failing call sees where each role
 * went.
 */
final class GatewayRoutesLogger implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(GatewayRoutesLogger.class);

    private final ObjectProvider<GatewaySettings> settings;

    private final ObjectProvider<CredentialClients> credentials;

    GatewayRoutesLogger(ObjectProvider<GatewaySettings> settings, ObjectProvider<CredentialClients> credentials) {
        this.settings = settings;
        this.credentials = credentials;
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
            CredentialClients named = this.credentials.getIfUnique();
            if (named != null && !named.names().isEmpty()) {
                logger.info(credentialsLine(named));
            }
        }
    }

    static String routingLine(GatewaySettings settings) {
        return "OpenAI gateway routes: " + Arrays.stream(Role.values())
            .map((role) -> describe(settings.route(role)))
            .collect(Collectors.joining("; "));
    }

    static String credentialsLine(CredentialClients credentials) {
        return "OpenAI gateway credentials: " + credentials.names().stream()
            .map((name) -> name + " -> " + credentials.settings(name)
                .map((settings) -> target(settings.route(Role.LLM)))
                .orElse("(unresolved)"))
            .collect(Collectors.joining("; "));
    }

    private static String describe(RouteSettings route) {
        return route.role().propertyName() + " -> " + route.gateway().id() + " " + route.baseUrl() + " (model "
                + route.model().orElse("per request") + ", " + key(route)
                + route.failover().map(GatewayRoutesLogger::failover).orElse("") + ")";
    }

    private static String target(RouteSettings route) {
        return route.gateway().id() + " " + route.baseUrl() + " (" + key(route) + ")";
    }

    private static String key(RouteSettings route) {
        return route.keyless() ? "keyless" : route.apiKey().map((k) -> "key " + k.masked()).orElse("no key");
    }

    private static String failover(FailoverSettings failover) {
        return ", failover " + failover.baseUrl() + " with key "
                + failover.apiKey().map((k) -> k.masked()).orElse("(none)") + " after "
                + failover.failureThreshold() + " failures";
    }

}
