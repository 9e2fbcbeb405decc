package dev.gatewaykit.stub.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the stub served, with secrets already masked.
 *
 * @param seq            1-based sequence number since start or reset
 * @param timestamp      when handling started
 * @param method         HTTP method
 * @param path           raw request path
 * @param status         status sent (for a dropped connection: 0; for a cut stream: 200)
 * @param model          the body's {@code model}, if any
 * @param key            the presented key, masked, or {@code null}
 * @param headers        request headers, lower-case names, auth-like values masked
 * @param requestBody    request body text, truncated, keys masked
 * @param durationMillis handling time
 * @param schemaMismatches where the scripted reply broke the schema the request asked for (structured output or
 *                         tool arguments), masked and bounded; empty for every other request
 */
public record JournalEntry(long seq, Instant timestamp, String method, String path, int status, String model,
                           String key, Map<String, String> headers, String requestBody, double durationMillis,
                           List<SchemaMismatch> schemaMismatches) {

    /** Copies {@code schemaMismatches} ({@code null}: none). */
    public JournalEntry {
        schemaMismatches = schemaMismatches == null ? List.of() : List.copyOf(schemaMismatches);
    }

    /** An entry without schema mismatches. */
    public JournalEntry(long seq, Instant timestamp, String method, String path, int status, String model,
                        String key, Map<String, String> headers, String requestBody, double durationMillis) {
        this(seq, timestamp, method, path, status, model, key, headers, requestBody, durationMillis, List.of());
    }

    /** The model as an Optional. */
    public Optional<String> modelOptional() {
        return Optional.ofNullable(model);
    }
}
