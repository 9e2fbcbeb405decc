package dev.gatewaykit.sdk.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits the shared transport applies to every route: how long idle connections stay pooled, the longest
 * server-requested wait before a retry, and the largest response body accepted.
 *
 * @param poolKeepAlive    {@code OPENAI_POOL_KEEP_ALIVE}: idle time after which a pooled connection is closed
 * @param maxRetryAfter    {@code OPENAI_MAX_RETRY_AFTER}: longest {@code retry-after} the client waits for
 * @param maxResponseBytes {@code OPENAI_MAX_RESPONSE_BYTES}: largest response body (stream: event), in bytes
 */
public record TransportLimits(Duration poolKeepAlive, Duration maxRetryAfter, long maxResponseBytes) {

    /** Below the 5 s idle timeout of Node (the Portkey gateway) and uvicorn (LiteLLM). */
    public static final Duration DEFAULT_POOL_KEEP_ALIVE = Duration.ofSeconds(4);
    /** A minute: longer waits are rarely worth holding a caller for. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** Generous for any API answer (a large embeddings batch is a few MB), small next to a heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    /** The defaults. */
    public static final TransportLimits DEFAULTS = new TransportLimits(DEFAULT_POOL_KEEP_ALIVE,
            DEFAULT_MAX_RETRY_AFTER, DEFAULT_MAX_RESPONSE_BYTES);

    /**
     * Once parsed, a JSON value costs the heap far more than its bytes (a number {@code 0,} is two bytes and a boxed
     * value of ~20-30 bytes), so a JSON answer may also hold at most one value per this many bytes of the limit.
     */
    public static final int BYTES_PER_JSON_VALUE = 16;

    /**
     * The most values (numbers, strings, objects, arrays) a JSON answer may hold: {@code maxResponseBytes / }
     * {@value #BYTES_PER_JSON_VALUE} (4,194,304 at the default 64MB; a batch of 2,048 embeddings of 1,536
     * dimensions is 3.1 million).
     */
    public long maxJsonValues() {
        return maxResponseBytes / BYTES_PER_JSON_VALUE;
    }

    /** Checks the values are usable (validation with messages happens during resolution). */
    public TransportLimits {
        Objects.requireNonNull(poolKeepAlive, "poolKeepAlive");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (poolKeepAlive.isNegative() || poolKeepAlive.isZero() || maxRetryAfter.isNegative()
                || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("invalid transport limits: " + poolKeepAlive + ", " + maxRetryAfter
                    + ", " + maxResponseBytes);
        }
    }
}
