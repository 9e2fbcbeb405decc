package dev.gatewaykit.spring.health;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.health.HealthResult;

/**
 * Remembers each role's last probe result for a short time, so frequent {@code /actuator/health} calls (load
 * balancers, Kubernetes probes) do not turn into a request to the gateway each.
 */
public final class CachingRouteHealthProbe {

    private final Function<Role, HealthResult> probe;

    private final long timeToLiveNanos;

    private final LongSupplier nanoTime;

    private final Map<Role, Cached> cache = new EnumMap<>(Role.class);

    /**
     * Creates a cache in front of a probe.
     * @param probe probes one role
     * @param timeToLive how long a result is reused; zero or negative disables caching
     */
    public CachingRouteHealthProbe(Function<Role, HealthResult> probe, Duration timeToLive) {
        this(probe, timeToLive, System::nanoTime);
    }

    CachingRouteHealthProbe(Function<Role, HealthResult> probe, Duration timeToLive, LongSupplier nanoTime) {
        this.probe = probe;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
        for (Role role : Role.values()) {
            this.cache.put(role, new Cached());
        }
    }

    /**
     * The role's health: the remembered result while it is fresh, else a new probe.
     * @param role the role
     * @return the probe result
     */
    public HealthResult probe(Role role) {
        Cached cached = this.cache.get(role);
        // One probe per role at a time: concurrent callers wait for it instead of probing too.
        synchronized (cached) {
            long now = this.nanoTime.getAsLong();
            if (cached.result != null && now - cached.probedAt < this.timeToLiveNanos) {
                return cached.result;
            }
            HealthResult result = this.probe.apply(role);
            cached.result = result;
            cached.probedAt = now;
            return result;
        }
    }

    private static final class Cached {

        private HealthResult result;

        private long probedAt;

    }

}
