package dev.gatewaykit.spring.health;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.health.HealthResult;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one role's route: UP when the gateway answers its cheap, never-billable probe (LiteLLM
 * {@code /health/liveliness}, Portkey {@code /}, OpenAI {@code /v1/models}), DOWN with the explained error
 * otherwise.
 */
public final class RouteHealthIndicator implements HealthIndicator {

    private final Role role;

    private final CachingRouteHealthProbe probe;

    /**
     * Creates the indicator of one role.
     * @param role the role
     * @param probe the (caching) probe shared by the roles
     */
    public RouteHealthIndicator(Role role, CachingRouteHealthProbe probe) {
        this.role = role;
        this.probe = probe;
    }

    @Override
    public Health health() {
        HealthResult result = this.probe.probe(this.role);
        Health.Builder builder = result.up() ? Health.up() : Health.down();
        builder.withDetail("url", result.url()).withDetail("latencyMs", result.latency().toMillis());
        result.detail().ifPresent((detail) -> builder.withDetail("detail", detail));
        result.error().ifPresent((error) -> addError(builder, error));
        return builder.build();
    }

    private static void addError(Health.Builder builder, GatewayError error) {
        builder.withDetail("gateway", error.gateway().id())
            .withDetail("error", error.kind().name())
            .withDetail("message", error.message())
            .withDetail("hint", error.hint());
        error.status().ifPresent((status) -> builder.withDetail("status", status));
        error.requestId().ifPresent((id) -> builder.withDetail("requestId", id));
    }

}
