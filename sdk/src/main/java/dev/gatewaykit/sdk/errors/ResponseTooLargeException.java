package dev.gatewaykit.sdk.errors;

import java.io.IOException;

/**
 * An answer over the route's size limits ({@code OPENAI_MAX_RESPONSE_BYTES}): too many bytes, one event of a stream
 * too large, or a JSON answer with too many values. Thrown while the body is read, so at most the limit is ever
 * held; the call fails instead of the application's heap.
 */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Which limit was exceeded. */
    public enum Scope {
        /** The whole answer, in bytes. */
        ANSWER("the answer", "bytes"),
        /** One event of an event stream, in bytes. */
        STREAM_EVENT("an event of the stream", "bytes"),
        /** The number of values (numbers, strings, objects, arrays) in a JSON answer. */
        JSON_VALUES("the JSON answer", "JSON values");

        private final String subject;
        private final String unit;

        Scope(String subject, String unit) {
            this.subject = subject;
            this.unit = unit;
        }
    }

    private final Scope scope;
    private final long limit;

    /** {@code scope} exceeded {@code limit} (bytes, or values for {@link Scope#JSON_VALUES}). */
    public ResponseTooLargeException(Scope scope, long limit) {
        super(scope.subject + " holds more than " + limit + " " + scope.unit + " (limits from"
                + " OPENAI_MAX_RESPONSE_BYTES)");
        this.scope = scope;
        this.limit = limit;
    }

    /** Which limit was exceeded. */
    public Scope scope() {
        return scope;
    }

    /** The limit, in {@link #unit()}. */
    public long limit() {
        return limit;
    }

    /** {@code bytes} or {@code JSON values}. */
    public String unit() {
        return scope.unit;
    }

    /** What exceeded it: "the answer", "an event of the stream", "the JSON answer". */
    public String subject() {
        return scope.subject;
    }
}
