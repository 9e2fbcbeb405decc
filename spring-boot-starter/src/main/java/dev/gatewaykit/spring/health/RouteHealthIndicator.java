package dev.gatewaykit.spring.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.failover.FailoverState;
import dev.gatewaykit.sdk.failover.FailoverStatus;
import dev.gatewaykit.sdk.health.HealthResult;
import dev.gatewaykit.sdk.settings.SettingsProblem;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one role's route: UP when the gateway answers its cheap, never-billable probe (LiteLLM
 * {@code /health/liveliness}, Portkey {@code /}, OpenAI {@code /v1/models}), DOWN with the explained error
 * otherwise.
 * <p>
 * With failover on for the role, the details carry the circuit's state under {@code failover} and say under
 * {@code servedBy} whether calls go to the proxy or to the failover origin. A role whose proxy is down while its
 * circuit sends calls to the failover origin is UP: its callers are being served. A role whose proxy is down but
 * whose circuit is still closed is DOWN: no call has switched it yet, so calls still go to the dead proxy.
 * <p>
 * A route without a key (allowed unless {@code openai.require-keys} says otherwise) is UNKNOWN, never probed, with
 * the missing variable, the reason and the fix in its details: nothing is known to be broken until it is called.
 */
public final class RouteHealthIndicator implements HealthIndicator {

    private final Role role;

    private final CachingRouteHealthProbe probe;

    private final Supplier<Optional<FailoverStatus>> failover;

    private final SettingsProblem missingKey;

    /**
     * Creates the indicator of one role.
     * @param role the role
     * @param probe the (caching) probe shared by the roles
     * @param failover the role's current failover status, empty when failover is off for it; read on every call
     * (it is in memory) so the details never lag behind a switch
     */
    public RouteHealthIndicator(Role role, CachingRouteHealthProbe probe, Supplier<Optional<FailoverStatus>> failover) {
        this(role, probe, failover, Optional.empty());
    }

    /**
     * Creates the indicator of one role that may have no key.
     * @param role the role
     * @param probe the (caching) probe shared by the roles
     * @param failover the role's current failover status, empty when failover is off for it
     * @param missingKey why the route cannot be called ({@code RouteSettings.missingKey()}), or empty
     */
    public RouteHealthIndicator(Role role, CachingRouteHealthProbe probe, Supplier<Optional<FailoverStatus>> failover,
            Optional<SettingsProblem> missingKey) {
        this.role = role;
        this.probe = probe;
        this.failover = failover;
        this.missingKey = missingKey.orElse(null);
    }

    @Override
    public Health health() {
        if (this.missingKey != null) {
            return Health.unknown()
                .withDetail("variable", this.missingKey.variable())
                .withDetail("reason", this.missingKey.message())
                .withDetail("fix", this.missingKey.fix())
                .build();
        }
        HealthResult result = this.probe.probe(this.role);
        Optional<FailoverStatus> failover = this.failover.get();
        boolean onFailover = failover.map((status) -> status.state() != FailoverState.CLOSED).orElse(false);
        Health.Builder builder = (result.up() || onFailover) ? Health.up() : Health.down();
        builder.withDetail("url", result.url()).withDetail("latencyMs", result.latency().toMillis());
        result.detail().ifPresent((detail) -> builder.withDetail("detail", detail));
        result.error().ifPresent((error) -> addError(builder, error));
        failover.ifPresent((status) -> addFailover(builder, status, onFailover, result.up()));
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

    private static void addFailover(Health.Builder builder, FailoverStatus status, boolean onFailover,
            boolean proxyUp) {
        builder.withDetail("servedBy", onFailover ? "failover" : "proxy");
        if (onFailover && !proxyUp) {
            builder.withDetail("routing", "the proxy is down; calls are served by the failover origin "
                    + status.failoverOrigin() + " (circuit " + status.state() + ")");
        }
        else if (!onFailover && !proxyUp) {
            builder.withDetail("routing", "the proxy is down and calls still go to it; they switch to the failover "
                    + "origin " + status.failoverOrigin() + " after consecutive failures");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        details.put("activeOrigin", status.activeOrigin());
        details.put("proxyOrigin", status.proxyOrigin());
        details.put("failoverOrigin", status.failoverOrigin());
        details.put("since", status.since().toString());
        details.put("consecutiveFailures", status.consecutiveFailures());
        status.lastReason().ifPresent((reason) -> details.put("lastReason", reason));
        builder.withDetail("failover", details);
    }

}
