package dev.gatewaykit.sdk.errors;

import java.io.IOException;

/**
 * An answer larger than {@code OPENAI_MAX_RESPONSE_BYTES} (for an event stream: one event larger than it). Thrown
 * while the body is read, so at most the limit is ever held; the call fails instead of the application's heap.
 */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final boolean streamEvent;

    /** An answer (or, with {@code streamEvent}, one event of a stream) exceeded {@code limit} bytes. */
    public ResponseTooLargeException(long limit, boolean streamEvent) {
        super((streamEvent ? "an event of the stream" : "the answer") + " is larger than OPENAI_MAX_RESPONSE_BYTES ("
                + limit + " bytes)");
        this.limit = limit;
        this.streamEvent = streamEvent;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** Whether one event of an event stream exceeded the limit (rather than a whole answer). */
    public boolean streamEvent() {
        return streamEvent;
    }
}
