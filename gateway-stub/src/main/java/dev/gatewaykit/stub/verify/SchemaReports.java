package dev.gatewaykit.stub.verify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Bounded list of {@link SchemaReport}s, newest last. */
public final class SchemaReports {

    private final int capacity;
    private final Deque<SchemaReport> reports = new ArrayDeque<>();

    /** Keeps at most {@code capacity} reports. */
    public SchemaReports(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a report. */
    public synchronized void add(String path, String model, String subject, List<String> problems) {
        if (capacity == 0) {
            return;
        }
        if (reports.size() >= capacity) {
            reports.removeFirst();
        }
        reports.addLast(new SchemaReport(Instant.now(), path, model, subject, List.copyOf(problems)));
    }

    /** Reports held, oldest first. */
    public synchronized List<SchemaReport> all() {
        return List.copyOf(reports);
    }

    /** Forgets every report. */
    public synchronized void clear() {
        reports.clear();
    }
}
