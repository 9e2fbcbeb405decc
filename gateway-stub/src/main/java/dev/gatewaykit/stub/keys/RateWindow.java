package dev.gatewaykit.stub.keys;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One key's requests and tokens in the current rate-limit window, as LiteLLM's
 * {@code proxy/hooks/parallel_request_limiter_v3.py} counts them: a window of {@link #WINDOW_SECONDS} seconds
 * (its {@code LITELLM_RATE_LIMIT_WINDOW_SIZE} default) that starts with the first request and resets when it has
 * passed; requests count when admitted, tokens when a call completes. Per model counters serve
 * {@code model_rpm_limit}/{@code model_tpm_limit}. Thread-safe.
 */
public final class RateWindow {

    /** LiteLLM's default window, also sent as {@code retry-after}. */
    public static final int WINDOW_SECONDS = 60;

    /** Counters of one scope (the key, or the key on one model). */
    public static final class Counts {
        private long requests;
        private long tokens;

        /** Requests admitted in the window. */
        public long requests() {
            return requests;
        }

        /** Tokens used in the window. */
        public long tokens() {
            return tokens;
        }
    }

    /**
     * What the limiter decided.
     *
     * @param over            the scope that is over its limit ({@code null} when admitted)
     * @param limitType       {@code requests} or {@code tokens}
     * @param limit           the limit that was hit
     * @param windowStartedAt epoch second the window began
     */
    public record Verdict(String over, String limitType, long limit, long windowStartedAt) {
        /** Whether the request may proceed. */
        public boolean admitted() {
            return over == null;
        }
    }

    private final LongSupplier clock;
    private long windowStart = -1;
    private final Counts key = new Counts();
    private final Map<String, Counts> models = new HashMap<>();

    /** A window over the system clock (epoch seconds). */
    public RateWindow() {
        this(() -> System.currentTimeMillis() / 1000);
    }

    /** A window over {@code clock} (epoch seconds). */
    public RateWindow(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Checks the key's limits and, when admitted, counts the request (key and model).
     *
     * @param k     the key's settings
     * @param model the requested model
     */
    public synchronized Verdict admit(VirtualKey k, String model) {
        roll();
        Counts m = models.computeIfAbsent(model == null ? "" : model, x -> new Counts());
        Long rpm = k.rpmLimit().orElse(null);
        if (rpm != null && key.requests + 1 > rpm) {
            return new Verdict("api_key", "requests", rpm, windowStart);
        }
        Long tpm = k.tpmLimit().orElse(null);
        if (tpm != null && key.tokens >= tpm) {
            return new Verdict("api_key", "tokens", tpm, windowStart);
        }
        Long modelRpm = model == null ? null : k.modelRpmLimit().get(model);
        if (modelRpm != null && m.requests + 1 > modelRpm) {
            return new Verdict("model_per_key", "requests", modelRpm, windowStart);
        }
        Long modelTpm = model == null ? null : k.modelTpmLimit().get(model);
        if (modelTpm != null && m.tokens >= modelTpm) {
            return new Verdict("model_per_key", "tokens", modelTpm, windowStart);
        }
        key.requests++;
        m.requests++;
        return new Verdict(null, null, 0, windowStart);
    }

    /** Adds a completed call's tokens. */
    public synchronized void addTokens(String model, long tokens) {
        roll();
        key.tokens += tokens;
        models.computeIfAbsent(model == null ? "" : model, x -> new Counts()).tokens += tokens;
    }

    /** A copy of the key's counters. */
    public synchronized Counts keyCounts() {
        roll();
        Counts c = new Counts();
        c.requests = key.requests;
        c.tokens = key.tokens;
        return c;
    }

    /** A copy of one model's counters. */
    public synchronized Counts modelCounts(String model) {
        roll();
        Counts c = new Counts();
        Counts m = models.get(model == null ? "" : model);
        if (m != null) {
            c.requests = m.requests;
            c.tokens = m.tokens;
        }
        return c;
    }

    private void roll() {
        long now = clock.getAsLong();
        if (windowStart < 0 || now - windowStart >= WINDOW_SECONDS) {
            windowStart = now;
            key.requests = 0;
            key.tokens = 0;
            models.clear();
        }
    }
}
