package dev.gatewaykit.spring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.FailoverSettings;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/gateway}: the settings each route resolved to (gateway, base URL, model, key masked, and the
 * failover origin with its key masked when the role fails over) and the variable and layer each value came from, so a value from {@code .env} or a connection-details bean is visible
 * as the sdk applied it, not only as Spring bound it.
 */
@Endpoint(id = "gateway")
public final class GatewaySettingsEndpoint {

    private final GatewaySettings settings;

    GatewaySettingsEndpoint(GatewaySettings settings) {
        this.settings = settings;
    }

    /**
     * The resolved routes, keyed by role.
     * @return per role its values and their sources, keys masked
     */
    @ReadOperation
    public Map<String, Object> routes() {
        Map<String, Object> routes = new LinkedHashMap<>();
        for (RouteSettings route : this.settings.routes().values()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("gateway", route.gateway().id());
            values.put("baseUrl", Setting.BASE_URL.display(route.baseUrl()));
            route.model().ifPresent((model) -> values.put("model", model));
            values.put("apiKey", route.apiKey().map(ApiKey::masked).orElse(route.keyless() ? "(keyless)" : "(none)"));
            route.missingKey().ifPresent((missing) -> values.put("missingKey", missing.toString()));
            route.failover().ifPresent((failover) -> values.put("failover", failover(failover)));
            Map<String, String> sources = new LinkedHashMap<>();
            route.sources().byField().forEach((name, source) -> sources.put(name, source.toString()));
            values.put("sources", sources);
            routes.put(route.role().propertyName(), values);
        }
        return Map.of("routes", routes);
    }

    private static Map<String, Object> failover(FailoverSettings failover) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("baseUrl", Setting.FAILOVER_BASE_URL.display(failover.baseUrl()));
        values.put("apiKey", failover.apiKey().map(ApiKey::masked).orElse("(none)"));
        values.put("failureThreshold", failover.failureThreshold());
        values.put("coolDown", failover.coolDown().toString());
        return values;
    }

}
