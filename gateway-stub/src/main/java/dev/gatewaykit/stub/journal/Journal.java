package dev.gatewaykit.stub.journal;

import dev.gatewaykit.stub.keys.KeyMask;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The last requests, bounded by count and by approximate heap: recording is a short critical section and never
 * grows the journal past its bounds; the oldest entries are dropped first. Everything is masked when recorded,
 * before it is cut to length, so a cut can never leave the visible part of a key behind.
 */
public final class Journal {

    private static final int MAX_HEADERS = 64;
    private static final int MAX_HEADER_CHARS = 512;
    private static final int MAX_PATH_CHARS = 512;
    /** Body characters masked beyond the kept ones, so that a token crossing the cut is seen whole. */
    private static final int MASK_MARGIN = 8192;
    private static final String TRUNCATED = "...[truncated]";
    /** Schema mismatches kept per entry, problems kept per mismatch, characters kept per text. */
    private static final int MAX_MISMATCHES = 8;
    private static final int MAX_PROBLEMS = 20;
    private static final int MAX_MISMATCH_CHARS = 512;
    /** Heap of an entry besides its text: objects, map nodes, timestamps. */
    private static final int ENTRY_OVERHEAD = 256;

    private final int capacity;
    private final long maxBytes;
    private final int bodyChars;
    private final Predicate<String> knownSecret;
    private final ArrayDeque<Sized> entries = new ArrayDeque<>();
    private long bytes;
    private long seq;
    private long dropped;

    /**
     * A journal keeping at most {@code capacity} entries within about {@code maxBytes} of heap, with
     * {@code bodyChars} characters of each body; {@code knownSecret} tells configured keys to mask.
     */
    public Journal(int capacity, long maxBytes, int bodyChars, Predicate<String> knownSecret) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.bodyChars = bodyChars;
        this.knownSecret = knownSecret;
    }

    /** Entry limit. */
    public int capacity() {
        return capacity;
    }

    /** Masks {@code text} as journal entries are masked (for messages that echo request text). */
    public String mask(String text) {
        return SecretMasker.mask(text, knownSecret);
    }

    /** Records one request without schema mismatches; everything is copied (bounded) and masked now. */
    public void record(Instant timestamp, String method, String path, int status, String model, String key,
                       Map<String, List<String>> headers, byte[] body, double durationMillis) {
        record(timestamp, method, path, status, model, key, headers, body, durationMillis, List.of());
    }

    /**
     * Records one request with the schema mismatches of its scripted reply; everything is copied (bounded) and
     * masked now.
     */
    public void record(Instant timestamp, String method, String path, int status, String model, String key,
                       Map<String, List<String>> headers, byte[] body, double durationMillis,
                       List<SchemaMismatch> schemaMismatches) {
        if (capacity == 0) {
            synchronized (this) {
                seq++;
                dropped++;
            }
            return;
        }
        String maskedPath = cut(mask(cut(path, MAX_PATH_CHARS * 2)), MAX_PATH_CHARS);
        String maskedModel = cut(mask(cut(model, MAX_PATH_CHARS * 2)), MAX_PATH_CHARS);
        Map<String, String> maskedHeaders = copyHeaders(headers);
        String maskedBody = body(body);
        List<SchemaMismatch> maskedMismatches = copyMismatches(schemaMismatches);
        long size = ENTRY_OVERHEAD + 2L * (length(method) + length(maskedPath) + length(maskedModel)
                + length(maskedBody) + 16);
        for (SchemaMismatch m : maskedMismatches) {
            size += 2L * length(m.subject()) + 64;
            for (String p : m.problems()) {
                size += 2L * p.length() + 48;
            }
        }
        for (Map.Entry<String, String> h : maskedHeaders.entrySet()) {
            size += 2L * (h.getKey().length() + h.getValue().length()) + 48;
        }
        synchronized (this) {
            seq++;
            JournalEntry entry = new JournalEntry(seq, timestamp, method, maskedPath, status, maskedModel,
                    KeyMask.mask(key), maskedHeaders, maskedBody, durationMillis, maskedMismatches);
            entries.addLast(new Sized(entry, size));
            bytes += size;
            while (entries.size() > capacity || bytes > maxBytes && entries.size() > 1) {
                bytes -= entries.removeFirst().bytes;
                dropped++;
            }
        }
    }

    /** Entries still held, oldest first, at most {@code limit} newest ones ({@code -1}: all). */
    public synchronized List<JournalEntry> entries(int limit) {
        int skip = limit < 0 ? 0 : Math.max(0, entries.size() - limit);
        List<JournalEntry> out = new ArrayList<>(entries.size() - skip);
        Iterator<Sized> it = entries.iterator();
        for (int i = 0; it.hasNext(); i++) {
            Sized s = it.next();
            if (i >= skip) {
                out.add(s.entry);
            }
        }
        return out;
    }

    /** Requests recorded since start or reset. */
    public synchronized long total() {
        return seq;
    }

    /** Requests no longer held (over the entry or byte limit). */
    public synchronized long dropped() {
        return dropped;
    }

    /** Approximate heap held by the entries. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Empties the journal and restarts numbering. */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
        seq = 0;
        dropped = 0;
    }

    private String body(byte[] body) {
        if (bodyChars <= 0 || body == null || body.length == 0) {
            return "";
        }
        long wanted = (long) bodyChars + MASK_MARGIN;
        int take = (int) Math.min(body.length, wanted * 4);
        String text = new String(body, 0, take, StandardCharsets.UTF_8);
        boolean more = take < body.length || text.length() > wanted;
        String masked = mask(text.length() > wanted ? text.substring(0, (int) wanted) : text);
        if (masked.length() > bodyChars) {
            return masked.substring(0, bodyChars) + TRUNCATED;
        }
        return more ? masked + TRUNCATED : masked;
    }

    private Map<String, String> copyHeaders(Map<String, List<String>> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (out.size() >= MAX_HEADERS) {
                break;
            }
            String name = cut(mask(cut(e.getKey(), 256)), 128).toLowerCase(Locale.ROOT);
            String value = e.getValue().isEmpty() ? "" : String.join(", ", e.getValue());
            value = cut(value, MAX_HEADER_CHARS + MASK_MARGIN);
            value = SecretMasker.isSecretHeader(name) ? SecretMasker.maskHeaderValue(value) : mask(value);
            out.put(name, cut(value, MAX_HEADER_CHARS));
        }
        return out;
    }

    private List<SchemaMismatch> copyMismatches(List<SchemaMismatch> mismatches) {
        if (mismatches == null || mismatches.isEmpty()) {
            return List.of();
        }
        List<SchemaMismatch> out = new ArrayList<>(Math.min(mismatches.size(), MAX_MISMATCHES));
        for (SchemaMismatch m : mismatches) {
            if (out.size() >= MAX_MISMATCHES) {
                break;
            }
            List<String> problems = new ArrayList<>(Math.min(m.problems().size(), MAX_PROBLEMS));
            for (String p : m.problems()) {
                if (problems.size() >= MAX_PROBLEMS) {
                    problems.add("... " + (m.problems().size() - MAX_PROBLEMS) + " more");
                    break;
                }
                problems.add(maskCut(p));
            }
            out.add(new SchemaMismatch(maskCut(m.subject()), problems));
        }
        return out;
    }

    private String maskCut(String text) {
        return text == null ? "" : cut(mask(cut(text, MAX_MISMATCH_CHARS + MASK_MARGIN)), MAX_MISMATCH_CHARS);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private record Sized(JournalEntry entry, long bytes) {
    }
}
