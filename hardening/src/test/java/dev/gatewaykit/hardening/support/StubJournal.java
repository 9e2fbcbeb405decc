package dev.gatewaykit.hardening.support;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.journal.JournalEntry;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a stub's journal as the witness of what reached the wire. The stub journals an exchange when it ends, so a
 * request whose client already gave up (a timeout) appears a little later: {@link #await} polls for it instead of
 * sleeping.
 */
public final class StubJournal {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private StubJournal() {
    }

    /**
     * Entries for an endpoint path below {@code /v1} (matched with or without the {@code /v1} prefix), in the order
     * the requests arrived (the journal itself is in completion order: a slow first attempt ends after its retry).
     */
    public static List<JournalEntry> calls(GatewayStub stub, String path) {
        return stub.journal().stream().filter(onPath(path))
                .sorted(Comparator.comparing(JournalEntry::timestamp).thenComparingLong(JournalEntry::seq)).toList();
    }

    /** Polls until {@code count} entries for {@code path} are journaled; returns them. */
    public static List<JournalEntry> await(GatewayStub stub, String path, int count) {
        Awaitility.await("journal of " + stub + " to hold " + count + " " + path + " calls")
                .atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> calls(stub, path).size() >= count);
        return calls(stub, path);
    }

    /** The {@code X-Stainless-Retry-Count} header of each entry, in order ({@code null} when absent). */
    public static List<String> retryCounts(List<JournalEntry> entries) {
        return entries.stream().map(e -> e.headers().get("x-stainless-retry-count")).toList();
    }

    /** Whether an entry's path is {@code path} below {@code /v1}. */
    public static Predicate<JournalEntry> onPath(String path) {
        return e -> {
            String p = e.path();
            int query = p.indexOf('?');
            if (query >= 0) {
                p = p.substring(0, query);
            }
            return p.equals(path) || p.equals("/v1" + path);
        };
    }
}
