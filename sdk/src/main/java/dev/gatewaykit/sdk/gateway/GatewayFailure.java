package dev.gatewaykit.sdk.gateway;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The facts of a failed HTTP call as read from the wire, handed to a {@link Gateway} for its diagnosis.
 *
 * @param status          the HTTP status, empty when no response arrived
 * @param type            {@code error.type} of an OpenAI/LiteLLM error body
 * @param code            {@code error.code} (LiteLLM sends a string such as "401")
 * @param message         the error message, keys masked
 * @param gatewayOwnError whether the body is a gateway's own error shape (Portkey {@code {"status":"failure"}})
 * @param provider        the top-level {@code provider} field of the body (Portkey names the provider that failed)
 * @param requestPath     the path of the refused request, when the caller knows it (raw calls, health probes)
 * @param headers         the response headers, first value of each, names case-insensitive
 */
public record GatewayFailure(OptionalInt status, Optional<String> type, Optional<String> code, String message,
                             boolean gatewayOwnError, Optional<String> provider, Optional<String> requestPath,
                             Map<String, String> headers) {

    /** Copies the headers into a case-insensitive, unmodifiable map. */
    public GatewayFailure {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
    }

    /** A failure read from the body alone: no provider field, path or headers. */
    public GatewayFailure(OptionalInt status, Optional<String> type, Optional<String> code, String message,
                          boolean gatewayOwnError) {
        this(status, type, code, message, gatewayOwnError, Optional.empty(), Optional.empty(), Map.of());
    }

    /** The first value of a response header, blank values counting as absent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(value -> !value.isBlank());
    }
}
