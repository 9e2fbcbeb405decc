package dev.gatewaykit.stub.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Request body bytes all exchanges may hold at once (a body, its JSON tree and its reply live until the exchange
 * ends). Bytes are counted as they arrive, so a client that announces a large body and stalls holds only what it
 * sent. An exchange that would pass the budget waits for others to finish, then is refused with a 503, so a burst
 * of large bodies slows down instead of exhausting a small heap.
 */
public final class BodyBudget {

    private static final int UNIT = 1024;

    private final Semaphore units;
    private final int total;
    private final long waitMillis;

    /** A budget of {@code bytes}; an exchange waits at most {@code waitMillis} in all for its share. */
    public BodyBudget(long bytes, long waitMillis) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.units = new Semaphore(total, true);
        this.waitMillis = waitMillis;
    }

    /** Bytes the budget holds in all. */
    public long bytes() {
        return (long) total * UNIT;
    }

    /** An empty share, grown as body bytes arrive. */
    public Permit open() {
        return new Permit(0);
    }

    private void acquire(int wanted, long untilNanos) {
        boolean granted;
        try {
            granted = units.tryAcquire(wanted, Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            granted = false;
        }
        if (!granted) {
            throw new StubError(StubError.Kind.OVERLOADED, 503, "server_error", null, "stub_overloaded",
                    "Gateway stub holds its limit of " + bytes() + " request body bytes in flight (limit"
                    + " inFlightBodyBytes); retry later").header("Retry-After", "1").header("Connection", "close");
        }
    }

    /** A share of the budget, returned by {@link #close()} (once). */
    public final class Permit implements AutoCloseable {
        private final long waitUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        private int held;
        private long bytes;

        private Permit(int held) {
            this.held = held;
        }

        /**
         * Counts {@code more} bytes that arrived (a body larger than the whole budget ends up holding all of it).
         *
         * @throws StubError 503 when the room did not free up in time
         */
        public synchronized void grow(int more) {
            bytes += more;
            int wanted = (int) Math.min(total, (bytes + UNIT - 1) / UNIT) - held;
            if (wanted > 0) {
                acquire(wanted, waitUntilNanos);
                held += wanted;
            }
        }

        @Override
        public synchronized void close() {
            if (held > 0) {
                units.release(held);
                held = 0;
            }
        }
    }
}
