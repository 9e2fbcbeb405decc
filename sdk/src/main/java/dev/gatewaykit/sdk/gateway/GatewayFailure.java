package dev.gatewaykit.sdk.gateway;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The facts of a failed HTTP call as read from the wire, handed to a {@link Gateway} for its hint.
 *
 * @param status   the HTTP status, empty when no response arrived
 * @param type     {@code error.type} of an OpenAI/LiteLLM error body
 * @param code     {@code error.code} (LiteLLM sends a string such as "401")
 * @param message  the error message, keys masked
 * @param gatewayOwnError whether the body is a gateway's own error shape (Portkey {@code {"status":"failure"}})
 */
public record GatewayFailure(OptionalInt status, Optional<String> type, Optional<String> code, String message,
                             boolean gatewayOwnError) {
}
