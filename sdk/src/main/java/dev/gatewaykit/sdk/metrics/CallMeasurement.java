package dev.gatewaykit.sdk.metrics;

import io.micrometer.core.instrument.Tags;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One measured call: when it started, its tags, the usage found so far, and a once-only {@link #finish}, because a
 * stream may end by exhaustion, by a read error and by close, in any order and from different threads.
 */
final class CallMeasurement implements CallEnd {

    private final GenAiMeters meters;
    private final Tags tags;
    private final long start;
    private final TokenUsage usage = new TokenUsage();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String serverAddress;

    /** A call to {@code serverAddress} with {@code tags} (all but {@code server.address} and {@code error.type}). */
    CallMeasurement(GenAiMeters meters, Tags tags, String serverAddress, long start) {
        this.meters = meters;
        this.tags = tags;
        this.serverAddress = serverAddress;
        this.start = start;
    }

    /**
     * The host that actually answered, which differs from the route's when an inner interceptor (failover)
     * re-sent the call elsewhere.
     */
    void answeredBy(String host) {
        this.serverAddress = host;
    }

    TokenUsage usage() {
        return usage;
    }

    /** Adds the gateway-reported cost of this call (not part of the once-only record: it is known from the headers). */
    void cost(double usd) {
        meters.recordCost(callTags(), usd);
    }

    /** Records duration and tokens with {@code errorType}; later calls do nothing. */
    @Override
    public void finish(String errorType) {
        if (finished.compareAndSet(false, true)) {
            meters.recordOperation(callTags(), errorType, meters.now() - start, usage);
        }
    }

    private Tags callTags() {
        return tags.and(MetricNames.SERVER_ADDRESS, serverAddress);
    }

    /** The {@code error.type} of an exception: its class's simple name (e.g. {@code ConnectException}). */
    static String errorType(Throwable failure) {
        String simple = failure.getClass().getSimpleName();
        return simple.isEmpty() ? failure.getClass().getName() : simple;
    }
}
