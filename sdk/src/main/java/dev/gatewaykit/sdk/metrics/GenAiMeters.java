package dev.gatewaykit.sdk.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** The three meters and how a finished call is written into them; the only class that talks to Micrometer's API. */
final class GenAiMeters {

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Timer> durations;
    private final Meter.MeterProvider<DistributionSummary> tokens;
    private final Meter.MeterProvider<Counter> cost;

    GenAiMeters(MeterRegistry registry) {
        this.registry = registry;
        this.durations = Timer.builder(MetricNames.OPERATION_DURATION)
                .description("Duration of GenAI operations, to the last byte of the reply (streams: to stream end)")
                .withRegistry(registry);
        this.tokens = DistributionSummary.builder(MetricNames.TOKEN_USAGE)
                .description("Tokens used per GenAI operation, as reported by the reply's usage")
                .baseUnit("tokens")
                .withRegistry(registry);
        this.cost = Counter.builder(MetricNames.COST)
                .description("Cost of calls as reported by the gateway (x-litellm-response-cost)")
                .baseUnit("usd")
                .withRegistry(registry);
    }

    /** Monotonic time from the registry's clock, so the duration follows whatever clock the registry uses. */
    long now() {
        return registry.config().clock().monotonicTime();
    }

    void recordOperation(Tags call, String errorType, long nanos, TokenUsage usage) {
        Tags tags = call.and(MetricNames.ERROR_TYPE, errorType);
        durations.withTags(tags).record(nanos, TimeUnit.NANOSECONDS);
        usage.input().ifPresent(n -> tokens.withTags(tags.and(MetricNames.TOKEN_TYPE, MetricNames.INPUT)).record(n));
        usage.output().ifPresent(n -> tokens.withTags(tags.and(MetricNames.TOKEN_TYPE, MetricNames.OUTPUT)).record(n));
    }

    void recordCost(Tags call, double usd) {
        cost.withTags(call).increment(usd);
    }
}
