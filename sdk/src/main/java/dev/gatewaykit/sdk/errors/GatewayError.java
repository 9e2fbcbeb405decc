package dev.gatewaykit.sdk.errors;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A failed gateway call, explained: kind, where it went, the gateway's request id and a hint what to do. */
public final class GatewayError {

    private final GatewayErrorKind kind;
    private final Role role;
    private final GatewayKind gateway;
    private final String origin;
    private final Integer status;
    private final String requestId;
    private final String message;
    private final String hint;

    GatewayError(GatewayErrorKind kind, Role role, GatewayKind gateway, String origin, Integer status,
                 String requestId, String message, String hint) {
        this.kind = Objects.requireNonNull(kind);
        this.role = role;
        this.gateway = Objects.requireNonNull(gateway);
        this.origin = Objects.requireNonNull(origin);
        this.status = status;
        this.requestId = requestId;
        this.message = Objects.requireNonNull(message);
        this.hint = Objects.requireNonNull(hint);
    }

    /** What went wrong. */
    public GatewayErrorKind kind() {
        return kind;
    }

    /** The role whose call failed, when known. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** The gateway kind of the route. */
    public GatewayKind gateway() {
        return gateway;
    }

    /** {@code scheme://host[:port]} of the route (never credentials). */
    public String origin() {
        return origin;
    }

    /** The HTTP status, when a response arrived. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The gateway's request id ({@code x-litellm-call-id}, {@code x-portkey-trace-id}, {@code x-request-id}). */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The error message as received, keys masked. */
    public String message() {
        return message;
    }

    /** What to do about it. */
    public String hint() {
        return hint;
    }

    /** One paragraph for logs and exception messages. */
    public String describe() {
        return kind + (role == null ? "" : " on " + role) + " via " + gateway.id() + " at " + origin
                + (status == null ? "" : " (HTTP " + status + ")")
                + (requestId == null ? "" : " [request id " + requestId + "]")
                + ": " + message + System.lineSeparator() + "  Hint: " + hint;
    }

    @Override
    public String toString() {
        return "GatewayError[" + describe() + "]";
    }
}
