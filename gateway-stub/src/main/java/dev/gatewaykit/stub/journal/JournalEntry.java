package dev.gatewaykit.stub.journal;

import java.time.Instant;
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
 */
public record JournalEntry(long seq, Instant timestamp, String method, String path, int status, String model,
                           String key, Map<String, String> headers, String requestBody, double durationMillis) {

    /** The model as an Optional. */
    public Optional<String> modelOptional() {
        return Optional.ofNullable(model);
    }
}
