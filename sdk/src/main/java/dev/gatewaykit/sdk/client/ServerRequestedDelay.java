package dev.gatewaykit.sdk.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Hands a gateway's {@code retry-after} from {@link RetryAfterInterceptor} to {@link ServerDelaySleeper}.
 * openai-java computes its wait from the same header but caps it at 8 s, and its {@code Sleeper} receives only the
 * capped duration. Both run on the thread that handled the response (the caller's for blocking calls, OkHttp's
 * dispatcher thread for async ones, where openai-java continues synchronously), so a thread-local carries the
 * uncapped value across. It is cleared at the start of every attempt and expires quickly, so it can never
 * lengthen an unrelated wait; when it is missing the sleeper waits what openai-java asked.
 */
final class ServerRequestedDelay {

    private static final long VALID_FOR_NANOS = Duration.ofSeconds(1).toNanos();

    private record Pending(Duration delay, long offeredAt) {
    }

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private ServerRequestedDelay() {
    }

    /** The response being handled asks for {@code delay} before the retry that follows. */
    static void offer(Duration delay) {
        PENDING.set(new Pending(delay, System.nanoTime()));
    }

    /** Forgets any offered delay (a new attempt starts). */
    static void clear() {
        PENDING.remove();
    }

    /** The delay offered on this thread just before, once. */
    static Optional<Duration> take() {
        Pending pending = PENDING.get();
        PENDING.remove();
        if (pending == null || System.nanoTime() - pending.offeredAt() > VALID_FOR_NANOS) {
            return Optional.empty();
        }
        return Optional.of(pending.delay());
    }
}
