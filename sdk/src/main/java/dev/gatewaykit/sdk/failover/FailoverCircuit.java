package dev.gatewaykit.sdk.failover;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.health.HealthResult;
import dev.gatewaykit.sdk.health.RouteHealthProbe;
import dev.gatewaykit.sdk.settings.FailoverSettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import okhttp3.OkHttpClient;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The circuit breaker of one role: {@code CLOSED} (calls go to the proxy) opens after
 * {@link FailoverSettings#failureThreshold()} consecutive connect failures or 5xx answers from the proxy;
 * {@code OPEN} sends calls to the failover origin; once {@link FailoverSettings#coolDown()} has passed, the next
 * call runs a {@code HALF_OPEN} health probe of the proxy: up closes the circuit, down opens it for another
 * cool-down. Every switch is logged once, with origins only. Thread-safe; time comes from the given {@link Clock}.
 */
public final class FailoverCircuit {

    private static final System.Logger LOG = System.getLogger(FailoverCircuit.class.getName());

    /** Where one call should go. */
    public enum Target {
        /** The route's own base URL. */
        PROXY,
        /** The failover base URL. */
        FAILOVER
    }

    private final Role role;
    private final String proxyOrigin;
    private final FailoverSettings settings;
    private final Clock clock;
    private final Supplier<HealthResult> proxyHealth;

    private FailoverState state = FailoverState.CLOSED;
    private Instant since;
    private int consecutiveFailures;
    private String lastReason;

    /**
     * A circuit for {@code route}, whose failover must be on; {@code proxyHealth} probes the proxy in the
     * half-open state.
     */
    public FailoverCircuit(RouteSettings route, Clock clock, Supplier<HealthResult> proxyHealth) {
        this.role = route.role();
        this.proxyOrigin = route.origin();
        if (route.failover().isEmpty()) {
            throw new IllegalArgumentException("failover is off for " + route.role());
        }
        this.settings = route.failover().get();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.proxyHealth = Objects.requireNonNull(proxyHealth, "proxyHealth");
        this.since = clock.instant();
    }

    /** A circuit probing the proxy with the sdk's {@link RouteHealthProbe} over {@code http} (the shared client). */
    public static FailoverCircuit create(RouteSettings route, OkHttpClient http, Clock clock) {
        RouteHealthProbe probe = new RouteHealthProbe(http);
        return new FailoverCircuit(route, clock, new ProxyHealth(probe, route));
    }

    /** The proxy's health, probed anew on each call. */
    private static final class ProxyHealth implements Supplier<HealthResult> {

        private final RouteHealthProbe probe;
        private final RouteSettings route;

        ProxyHealth(RouteHealthProbe probe, RouteSettings route) {
            this.probe = probe;
            this.route = route;
        }

        @Override
        public HealthResult get() {
            return probe.probe(route);
        }
    }

    /**
     * Where the next call goes. When the circuit is open and its cool-down has passed, the calling thread probes the
     * proxy (the other callers keep going to the failover origin meanwhile) and acts on the answer.
     */
    public Target nextTarget() {
        synchronized (this) {
            switch (state) {
                case CLOSED:
                    return Target.PROXY;
                case HALF_OPEN:
                    return Target.FAILOVER;
                default:
                    if (clock.instant().isBefore(since.plus(settings.coolDown()))) {
                        return Target.FAILOVER;
                    }
                    switchTo(FailoverState.HALF_OPEN, "cool-down of " + settings.coolDown()
                            + " passed; probing the proxy's health");
            }
        }
        HealthResult health;
        try {
            health = proxyHealth.get();
        } catch (RuntimeException e) {
            health = null;
        }
        synchronized (this) {
            if (health != null && health.up()) {
                consecutiveFailures = 0;
                switchTo(FailoverState.CLOSED, "health probe " + health.url() + " answered "
                        + health.detail().orElse("up"));
                return Target.PROXY;
            }
            switchTo(FailoverState.OPEN, "health probe " + (health == null ? "failed" : health.url() + " answered "
                    + health.detail().orElse("down")) + "; staying on the failover origin for " + settings.coolDown());
            return Target.FAILOVER;
        }
    }

    /** Records a proxy call that got an answer below 500: the proxy works, the failure count starts over. */
    public synchronized void recordSuccess() {
        if (state == FailoverState.CLOSED) {
            consecutiveFailures = 0;
        }
    }

    /**
     * Records a proxy connect failure or 5xx answer. Returns whether calls now go to the failover origin: true when
     * this failure reached the threshold (or another call already opened the circuit), so the failed call can be
     * sent there instead.
     */
    public synchronized boolean recordFailure(String reason) {
        if (state != FailoverState.CLOSED) {
            return true;
        }
        consecutiveFailures++;
        if (consecutiveFailures >= settings.failureThreshold()) {
            switchTo(FailoverState.OPEN, consecutiveFailures + " consecutive failure(s) of the proxy, last: "
                    + reason);
            return true;
        }
        return false;
    }

    /** The current state and counters. */
    public synchronized FailoverStatus status() {
        return new FailoverStatus(role, state, since, consecutiveFailures,
                state == FailoverState.CLOSED ? proxyOrigin : settings.origin(), proxyOrigin, settings.origin(),
                Optional.ofNullable(lastReason));
    }

    /** The role this circuit serves. */
    public Role role() {
        return role;
    }

    /** The failover settings of the role. */
    public FailoverSettings settings() {
        return settings;
    }

    private void switchTo(FailoverState next, String reason) {
        FailoverState previous = state;
        state = next;
        since = clock.instant();
        lastReason = reason;
        String from = previous == FailoverState.CLOSED ? proxyOrigin : settings.origin();
        String to = next == FailoverState.CLOSED ? proxyOrigin : settings.origin();
        LOG.log(next == FailoverState.OPEN ? Level.WARNING : Level.INFO,
                "OpenAI gateway failover: role {0} {1} -> {2}, calls go to {3} (were going to {4}); proxy {5},"
                        + " failover {6}; reason: {7}",
                role, previous, next, to, from, proxyOrigin, settings.origin(), reason);
    }
}
