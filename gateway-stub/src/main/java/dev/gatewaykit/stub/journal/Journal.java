package dev.gatewaykit.stub.journal;

import dev.gatewaykit.stub.keys.KeyMask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Fixed-size ring of the last requests: writing never blocks and never grows; older entries are dropped.
 * Bodies are masked when read, so the hot path only copies bounded text.
 */
public final class Journal {

    private static final int MAX_HEADERS = 64;
    private static final int MAX_HEADER_CHARS = 512;
    private static final int MAX_PATH_CHARS = 512;

    private final int capacity;
    private final Supplier<Collection<String>> knownSecrets;
    private volatile Ring ring;

    /** A journal keeping {@code capacity} entries; {@code knownSecrets} lists keys to mask in bodies. */
    public Journal(int capacity, Supplier<Collection<String>> knownSecrets) {
        this.capacity = capacity;
        this.knownSecrets = knownSecrets;
        this.ring = new Ring(capacity);
    }

    /** Ring size. */
    public int capacity() {
        return capacity;
    }

    /** Records one request; {@code headers} are copied (bounded) and masked now. */
    public void record(Instant timestamp, String method, String path, int status, String model, String key,
                       Map<String, List<String>> headers, String body, double durationMillis) {
        Ring r = ring;
        long seq = r.seq.incrementAndGet();
        if (capacity == 0) {
            return;
        }
        Raw raw = new Raw(seq, timestamp, method, cut(path, MAX_PATH_CHARS), status, cut(model, MAX_PATH_CHARS),
                KeyMask.mask(key), copyHeaders(headers), body, durationMillis);
        r.slots.set((int) ((seq - 1) % capacity), raw);
    }

    /** Entries still in the ring, oldest first, at most {@code limit} newest ones. */
    public List<JournalEntry> entries(int limit) {
        Ring r = ring;
        long last = r.seq.get();
        long first = Math.max(1, last - capacity + 1);
        if (limit >= 0) {
            first = Math.max(first, last - limit + 1);
        }
        Collection<String> secrets = knownSecrets.get();
        List<JournalEntry> out = new ArrayList<>();
        for (long seq = first; seq <= last && capacity > 0; seq++) {
            Raw raw = r.slots.get((int) ((seq - 1) % capacity));
            if (raw != null && raw.seq == seq) {
                out.add(new JournalEntry(raw.seq, raw.timestamp, raw.method, raw.path, raw.status, raw.model, raw.key,
                        raw.headers, SecretMasker.maskBody(raw.body, secrets), raw.durationMillis));
            }
        }
        return out;
    }

    /** Requests recorded since start or reset. */
    public long total() {
        return ring.seq.get();
    }

    /** Requests no longer in the ring. */
    public long dropped() {
        return Math.max(0, ring.seq.get() - capacity);
    }

    /** Empties the journal and restarts numbering. */
    public void clear() {
        ring = new Ring(capacity);
    }

    private static Map<String, String> copyHeaders(Map<String, List<String>> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (out.size() >= MAX_HEADERS) {
                break;
            }
            String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
            String value = e.getValue().isEmpty() ? "" : String.join(", ", e.getValue());
            value = cut(value, MAX_HEADER_CHARS);
            out.put(cut(name, 128), SecretMasker.isSecretHeader(name) ? SecretMasker.maskHeaderValue(value) : value);
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static final class Ring {
        final AtomicLong seq = new AtomicLong();
        final AtomicReferenceArray<Raw> slots;

        Ring(int capacity) {
            slots = new AtomicReferenceArray<>(Math.max(capacity, 1));
        }
    }

    private record Raw(long seq, Instant timestamp, String method, String path, int status, String model, String key,
                       Map<String, String> headers, String body, double durationMillis) {
    }
}
