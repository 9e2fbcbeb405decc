package dev.gatewaykit.stub.journal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters by path and status; keys come from a fixed set of routes and statuses, so it stays small. */
public final class StubStats {

    /**
     * A point-in-time copy.
     *
     * @param requests total requests
     * @param errors   requests answered with status &ge; 400 or dropped
     * @param byPath   requests per route path ({@code other} for unknown paths)
     * @param byStatus requests per status code
     */
    public record Snapshot(long requests, long errors, Map<String, Long> byPath, Map<String, Long> byStatus) {
    }

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    /** Counts one request; {@code path} must come from a bounded set. */
    public void record(String path, int status) {
        requests.increment();
        if (status >= 400 || status == 0) {
            errors.increment();
        }
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Copies the counters. */
    public Snapshot snapshot() {
        Map<String, Long> paths = new TreeMap<>();
        byPath.forEach((k, v) -> paths.put(k, v.sum()));
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(String.valueOf(k), v.sum()));
        return new Snapshot(requests.sum(), errors.sum(), paths, statuses);
    }

    /** Zeroes everything. */
    public void clear() {
        requests.reset();
        errors.reset();
        byPath.clear();
        byStatus.clear();
    }
}
