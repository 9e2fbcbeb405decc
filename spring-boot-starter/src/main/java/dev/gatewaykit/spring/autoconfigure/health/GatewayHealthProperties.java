package dev.gatewaykit.spring.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the gateway health indicator ({@code management.health.gateway.*}).
 */
@ConfigurationProperties(prefix = "management.health.gateway")
public class GatewayHealthProperties {

    /** How long a role's probe result is reused before the gateway is asked again; 0 probes on every call. */
    private Duration cacheTtl = Duration.ofSeconds(5);

    /** Longest time one probe may take before the role counts as DOWN. */
    private Duration timeout = Duration.ofSeconds(5);

    /**
     * Whether the gateway routes also count in the root /actuator/health status; by default they are reported
     * only in their own group, /actuator/health/gateway.
     */
    private boolean includeInRoot;

    public boolean isIncludeInRoot() {
        return this.includeInRoot;
    }

    public void setIncludeInRoot(boolean includeInRoot) {
        this.includeInRoot = includeInRoot;
    }

    public Duration getCacheTtl() {
        return this.cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

}
