package dev.gatewaykit.stub.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 4xx (or injected) answer, described in OpenAI terms; each gateway mode renders it in its own shape.
 * Thrown from any step of request handling and turned into a response in one place.
 */
public final class StubError extends RuntimeException {

    /** What went wrong, so modes can pick their own status and shape. */
    public enum Kind {
        /** Body is not JSON or not an object. */
        MALFORMED_BODY,
        /** A field is missing or has the wrong type or value (the provider's validation). */
        INVALID_REQUEST,
        /** The model is not served. */
        UNKNOWN_MODEL,
        /** Path unknown to the gateway. */
        NOT_FOUND,
        /** Path known, method not. */
        METHOD_NOT_ALLOWED,
        /** Body over the limit. */
        TOO_LARGE,
        /** Key missing, malformed, unknown or expired. */
        AUTHENTICATION,
        /** Key may not call this model. */
        MODEL_NOT_ALLOWED,
        /** Key spent its budget. */
        BUDGET_EXCEEDED,
        /** Key over its requests or tokens per minute. */
        RATE_LIMITED,
        /** Gateway needs routing headers (Portkey). */
        GATEWAY_CONFIG,
        /** Resource such as a key does not exist. */
        RESOURCE_NOT_FOUND,
        /** Injected by a fault. */
        INJECTED,
        /** The stub is at one of its limits of concurrent work; retry later. */
        OVERLOADED
    }

    private final Kind kind;
    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String subject;
    private List<String> details = List.of();

    /** An error with the OpenAI-style status, type, param and code. */
    public StubError(Kind kind, int status, String type, String param, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400 {@code invalid_request_error} about {@code param}. */
    public static StubError invalidRequest(String param, String message) {
        return new StubError(Kind.INVALID_REQUEST, 400, "invalid_request_error", param, null, message);
    }

    /** 400 for a body that is not a JSON object. */
    public static StubError malformedBody(String message) {
        return new StubError(Kind.MALFORMED_BODY, 400, "invalid_request_error", null, null, message);
    }

    /** 401 for a missing, malformed, unknown or expired key. */
    public static StubError authentication(String type, String message) {
        return new StubError(Kind.AUTHENTICATION, 401, type, null, "invalid_api_key", message);
    }

    /** The model or key the error is about (modes use it to word their own message). */
    public String subject() {
        return subject;
    }

    /** Sets the model or key the error is about. */
    public StubError subject(String subject) {
        this.subject = subject;
        return this;
    }

    /** Itemised problems some gateways list beside the message (Portkey's config {@code errors}). */
    public List<String> details() {
        return details;
    }

    /** Sets the itemised problems. */
    public StubError details(List<String> details) {
        this.details = List.copyOf(details);
        return this;
    }

    /** Adds a response header. */
    public StubError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** HTTP status in OpenAI terms (modes may change it). */
    public int status() {
        return status;
    }

    /** OpenAI error type. */
    public String type() {
        return type;
    }

    /** Offending parameter, or {@code null}. */
    public String param() {
        return param;
    }

    /** OpenAI error code, or {@code null}. */
    public String code() {
        return code;
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }
}
