package dev.gatewaykit.spring.autoconfigure;

import java.util.Optional;
import java.util.StringJoiner;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.credentials.CredentialClients;
import dev.gatewaykit.sdk.settings.ApiKey;
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

    // Loops and plain conditionals, not streams or lambdas: this runs at every start at INFO level (see the sdk
    // settings package note on cold start).
    static String routingLine(GatewaySettings settings) {
        StringJoiner routes = new StringJoiner("; ");
        for (Role role : Role.values()) {
            routes.add(describe(settings.route(role)));
        }
        return "OpenAI gateway routes: " + routes;
    }

    static String credentialsLine(CredentialClients credentials) {
        StringJoiner lines = new StringJoiner("; ");
        for (String name : credentials.names()) {
            Optional<GatewaySettings> settings = credentials.settings(name);
            lines.add(name + " -> " + (settings.isPresent() ? target(settings.get().route(Role.LLM)) : "(unresolved)"));
        }
        return "OpenAI gateway credentials: " + lines;
    }

    private static String describe(RouteSettings route) {
        Optional<String> model = route.model();
        Optional<FailoverSettings> failover = route.failover();
        return route.role().propertyName() + " -> " + route.gateway().id() + " " + route.baseUrl() + " (model "
                + (model.isPresent() ? model.get() : "per request") + ", " + key(route)
                + (failover.isPresent() ? failover(failover.get()) : "") + ")";
    }

    private static String target(RouteSettings route) {
        return route.gateway().id() + " " + route.baseUrl() + " (" + key(route) + ")";
    }

    private static String key(RouteSettings route) {
        if (route.keyless()) {
            return "keyless";
        }
        Optional<ApiKey> key = route.apiKey();
        return key.isPresent() ? "key " + key.get().masked() : "no key";
    }

    private static String failover(FailoverSettings failover) {
        Optional<ApiKey> key = failover.apiKey();
        return ", failover " + failover.baseUrl() + " with key " + (key.isPresent() ? key.get().masked() : "(none)")
                + " after " + failover.failureThreshold() + " failures";
    }

}
