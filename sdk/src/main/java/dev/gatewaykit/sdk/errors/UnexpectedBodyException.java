package dev.gatewaykit.sdk.errors;

import java.io.IOException;

/**
 * A successful (2xx) answer whose body is not the API's JSON: HTML (a login or error page), other text, an empty
 * body, invalid or truncated JSON. Thrown while the body is read, before a JSON parser could quote it; the first
 * bytes it shows are masked.
 */
public final class UnexpectedBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String contentType;
    private final String reason;
    private final String firstBytes;

    /**
     * @param status      the HTTP status of the answer
     * @param contentType its {@code Content-Type}, or {@code (none)}
     * @param reason      what is wrong: "empty body", "not JSON", "ends before the JSON is complete", …
     * @param firstBytes  the start of the body, keys already masked
     */
    public UnexpectedBodyException(int status, String contentType, String reason, String firstBytes) {
        super("the gateway answered " + status + " with a body that is not the API's JSON (" + reason
                + "; content type " + contentType + "; first bytes: " + firstBytes + ")");
        this.status = status;
        this.contentType = contentType;
        this.reason = reason;
        this.firstBytes = firstBytes;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The {@code Content-Type} of the answer, or {@code (none)}. */
    public String contentType() {
        return contentType;
    }

    /** What is wrong with the body. */
    public String reason() {
        return reason;
    }

    /** The start of the body, keys masked; {@code (empty)} for an empty body. */
    public String firstBytes() {
        return firstBytes;
    }
}
