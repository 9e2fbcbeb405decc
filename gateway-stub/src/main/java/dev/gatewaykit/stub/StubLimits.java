package dev.gatewaykit.stub;

/**
 * Upper bounds that keep the stub's memory and threads bounded whatever a client sends.
 *
 * @param maxBodyBytes     largest accepted request body; larger → 413
 * @param journalCapacity  number of requests kept in the journal ring (older ones are dropped)
 * @param journalBodyChars request body characters kept per journal entry
 * @param maxScripts       scripts held at once
 * @param maxFaults        faults held at once
 * @param maxKeys          virtual keys held at once (configured plus generated)
 * @param workerThreads    threads serving requests (a streaming reply holds one for its duration)
 * @param queueCapacity    exchanges waiting for a worker before the accepting thread serves them itself
 */
public record StubLimits(int maxBodyBytes, int journalCapacity, int journalBodyChars, int maxScripts,
                         int maxFaults, int maxKeys, int workerThreads, int queueCapacity) {

    /** Limits used unless configured: 1 MiB bodies, 1,000 journal entries, 16 workers. */
    public static final StubLimits DEFAULTS = new StubLimits(1 << 20, 1000, 2048, 256, 256, 10_000, 16, 1024);

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
    }

    /** Copy with another body limit. */
    public StubLimits withMaxBodyBytes(int value) {
        return new StubLimits(value, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys, workerThreads, queueCapacity);
    }

    /** Copy with another journal capacity. */
    public StubLimits withJournalCapacity(int value) {
        return new StubLimits(maxBodyBytes, value, journalBodyChars, maxScripts, maxFaults, maxKeys, workerThreads, queueCapacity);
    }

    /** Copy with another number of journal body characters. */
    public StubLimits withJournalBodyChars(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, value, maxScripts, maxFaults, maxKeys, workerThreads, queueCapacity);
    }

    /** Copy with another script limit. */
    public StubLimits withMaxScripts(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, value, maxFaults, maxKeys, workerThreads, queueCapacity);
    }

    /** Copy with another fault limit. */
    public StubLimits withMaxFaults(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, value, maxKeys, workerThreads, queueCapacity);
    }

    /** Copy with another key limit. */
    public StubLimits withMaxKeys(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, value, workerThreads, queueCapacity);
    }

    /** Copy with another worker count. */
    public StubLimits withWorkerThreads(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys, value, queueCapacity);
    }

    /** Copy with another queue capacity. */
    public StubLimits withQueueCapacity(int value) {
        return new StubLimits(maxBodyBytes, journalCapacity, journalBodyChars, maxScripts, maxFaults, maxKeys, workerThreads, value);
    }

    private static void positive(String name, int value) {
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
