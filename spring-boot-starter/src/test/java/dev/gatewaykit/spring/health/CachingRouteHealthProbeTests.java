package dev.gatewaykit.spring.health;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.health.HealthResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe cache: reuse within the time to live, per role; no caching at zero. */
class CachingRouteHealthProbeTests {

    private final AtomicLong now = new AtomicLong();

    private final AtomicInteger probes = new AtomicInteger();

    private final Function<Role, HealthResult> probe = (role) -> new HealthResult(role,
            this.probes.incrementAndGet() % 2 == 1, "http://127.0.0.1:4000/health/liveliness", Duration.ofMillis(3),
            Optional.empty(), Optional.empty());

    @Test
    void reusesAResultWithinTheTimeToLiveAndProbesAgainAfterIt() {
        CachingRouteHealthProbe cache = new CachingRouteHealthProbe(this.probe, Duration.ofSeconds(5), this.now::get);
        HealthResult first = cache.probe(Role.LLM);
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(cache.probe(Role.LLM)).isSameAs(first);
        assertThat(this.probes).hasValue(1);
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        HealthResult second = cache.probe(Role.LLM);
        assertThat(second).isNotSameAs(first);
        assertThat(second.up()).isFalse();
        assertThat(this.probes).hasValue(2);
    }

    @Test
    void cachesEachRoleSeparately() {
        CachingRouteHealthProbe cache = new CachingRouteHealthProbe(this.probe, Duration.ofSeconds(5), this.now::get);
        assertThat(cache.probe(Role.EMBEDDINGS).role()).isEqualTo(Role.EMBEDDINGS);
        assertThat(cache.probe(Role.CODEX).role()).isEqualTo(Role.CODEX);
        assertThat(cache.probe(Role.EMBEDDINGS).role()).isEqualTo(Role.EMBEDDINGS);
        assertThat(this.probes).hasValue(2);
    }

    @Test
    void zeroTimeToLiveProbesEveryTime() {
        CachingRouteHealthProbe cache = new CachingRouteHealthProbe(this.probe, Duration.ZERO, this.now::get);
        cache.probe(Role.LLM);
        cache.probe(Role.LLM);
        assertThat(this.probes).hasValue(2);
    }

}
