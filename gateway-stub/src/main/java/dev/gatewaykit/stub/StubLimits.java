package dev.gatewaykit.stub;

/**
 * Upper bounds that keep the stub's memory, threads and time per client bounded whatever a client sends.
 *
 * @param maxBodyBytes        largest accepted request body; larger → 413
 * @param journalCapacity     number of requests kept in the journal ring (older ones are dropped)
 * @param journalBodyChars    request body characters kept per journal entry (after masking)
 * @param maxScripts          scripts held at once
 * @param maxFaults           faults held at once
 * @param maxKeys             virtual keys held at once (configured plus generated)
 * @param workerThreads       threads serving requests (a streaming reply holds one for its duration)
 * @param queueCapacity       exchanges waiting for a worker; beyond that and {@code maxConnections} → refused
 * @param maxConnections      exchanges in progress at once, stalled clients included: a client that stalls while
 *                            sending its request costs one of these (and a parked thread), never one of the
 *                            {@code workerThreads}; beyond queue and cap a request is refused with a 503
 * @param headerTimeoutMillis time a client gets to send its request line and headers once it started
 * @param bodyTimeoutMillis   time a client gets to send its body, and to take a complete reply
 * @param journalBytes        approximate heap the journal may hold (oldest entries are dropped first)
 * @param inFlightBodyBytes   request body bytes held at once by all exchanges; others wait up to
 *                            {@code bodyTimeoutMillis}, then get a 503
 * @param maxJsonValues       JSON values (objects, arrays, strings, numbers...) accepted in one request body;
 *                            bounds array lengths and object sizes too; more → 413
 */
public record StubLimits(int maxBodyBytes, int journalCapacity, int journalBodyChars, int maxScripts,
                         int maxFaults, int maxKeys, int workerThreads, int queueCapacity, int maxConnections,
                         int headerTimeoutMillis, int bodyTimeoutMillis, long journalBytes, long inFlightBodyBytes,
                         int maxJsonValues) {

    /**
     * Limits used unless configured: 1 MiB bodies, 1,000 journal entries within 4 MiB, 16 workers, 256 exchanges in
     * progress, 10 s for the head and 10 s for the body, a sixteenth of the maximum heap (256 KiB to 64 MiB; 1.5 MiB
     * at {@code -Xmx24m}) of bodies in flight, 50,000 JSON values a request.
     */
    public static final StubLimits DEFAULTS = new StubLimits(1 << 20, 1000, 2048, 256, 256, 10_000, 16, 1024, 256,
            10_000, 10_000, 4L << 20, defaultInFlightBodyBytes(), 50_000);

    /** Validates every bound is positive (journal capacity and body chars may be 0). */
    public StubLimits {
        positive("maxBodyBytes", maxBodyBytes);
        notNegative("journalCapacity", journalCapacity);
        notNegative("journalBodyChars", journalBodyChars);
        positive("maxScripts", maxScripts);
        positive("maxFaults", maxFaults);
        positive("maxKeys", maxKeys);
        positive("workerThreads", workerThreads);
        positive("queueCapacity", queueCapacity);
        positive("maxConnections", maxConnections);
        if (maxConnections < workerThreads) {
            throw new IllegalArgumentException("limit maxConnections (" + maxConnections
                    + ") must be >= workerThreads (" + workerThreads + ")");
        }
        positive("headerTimeoutMillis", headerTimeoutMillis);
        positive("bodyTimeoutMillis", bodyTimeoutMillis);
        positive("journalBytes", journalBytes);
        positive("inFlightBodyBytes", inFlightBodyBytes);
        positive("maxJsonValues", maxJsonValues);
    }

    /** Copy with another body limit. */
    public StubLimits withMaxBodyBytes(int value) {
        return new StubLimits(value, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys, workerThreads,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another journal capacity. */
    public StubLimits withJournalCapacity(int value) {
        return new StubLimits(maxBodyBytes, value, journalBodyChars, maxScripts, maxFaults, maxKeys, workerThreads,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another number of journal body characters. */
    public StubLimits withJournalBodyChars(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, value, maxScripts, maxFaults, maxKeys, workerThreads,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another script limit. */
    public StubLimits withMaxScripts(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, value, maxFaults, maxKeys, workerThreads,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another fault limit. */
    public StubLimits withMaxFaults(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, value, maxKeys, workerThreads,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another key limit. */
    public StubLimits withMaxKeys(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, value, workerThreads,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another worker count. */
    public StubLimits withWorkerThreads(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys, value,
                queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes, inFlightBodyBytes,
                maxJsonValues);
    }

    /** Copy with another queue capacity. */
    public StubLimits withQueueCapacity(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys,
                workerThreads, value, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes,
                inFlightBodyBytes, maxJsonValues);
    }

    /** Copy with another cap on exchanges in progress. */
    public StubLimits withMaxConnections(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys,
                workerThreads, queueCapacity, value, headerTimeoutMillis, bodyTimeoutMillis, journalBytes,
                inFlightBodyBytes, maxJsonValues);
    }

    /** Copy with other head and body deadlines. */
    public StubLimits withTimeouts(int headerMillis, int bodyMillis) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys,
                workerThreads, queueCapacity, maxConnections, headerMillis, bodyMillis, journalBytes,
                inFlightBodyBytes, maxJsonValues);
    }

    /** Copy with another journal byte budget. */
    public StubLimits withJournalBytes(long value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys,
                workerThreads, queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, value,
                inFlightBodyBytes, maxJsonValues);
    }

    /** Copy with another budget of body bytes in flight. */
    public StubLimits withInFlightBodyBytes(long value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys,
                workerThreads, queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes,
                value, maxJsonValues);
    }

    /** Copy with another bound on JSON values per request. */
    public StubLimits withMaxJsonValues(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys,
                workerThreads, queueCapacity, maxConnections, headerTimeoutMillis, bodyTimeoutMillis, journalBytes,
                inFlightBodyBytes, value);
    }

    /** A body, its JSON tree and its reply take several times the body's size: a sixteenth of the heap leaves room. */
    private static long defaultInFlightBodyBytes() {
        return Math.max(256L << 10, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16));
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be > 0, got " + value);
        }
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("limit " + name + " must be >= 0, got " + value);
        }
    }
}
