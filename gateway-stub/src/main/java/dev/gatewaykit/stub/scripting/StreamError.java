package dev.gatewaykit.stub.scripting;

import java.util.Objects;

/**
 * A stream that fails part-way the way gateways fail: after {@code afterEvents} events, Chat Completions gets
 * {@code data: {"error": {...}}} and the stream ends without {@code [DONE]} (LiteLLM's behaviour); Responses gets a
 * {@code response.failed} event (or an {@code error} event) and ends. Applies to streamed replies only.
 *
 * @param afterEvents    events sent before the error (0 = the error is the first event)
 * @param message        error message
 * @param type           OpenAI error type, e.g. {@code server_error}
 * @param code           error code, e.g. {@code server_error} (Responses {@code response.failed} needs one of
 *                       OpenAI's response error codes)
 * @param responsesEvent {@code response.failed} or {@code error}
 */
public record StreamError(int afterEvents, String message, String type, String code, String responsesEvent) {

    /** Validates the parts. */
    public StreamError {
        if (afterEvents < 0) {
            throw new IllegalArgumentException("streamError.afterEvents must be >= 0, got " + afterEvents);
        }
        Objects.requireNonNull(message, "message");
        type = type == null ? "server_error" : type;
        code = code == null ? "server_error" : code;
        responsesEvent = responsesEvent == null ? "response.failed" : responsesEvent;
        if (!responsesEvent.equals("response.failed") && !responsesEvent.equals("error")) {
            throw new IllegalArgumentException("streamError.responsesEvent must be 'response.failed' or 'error', got '"
                    + responsesEvent + "'");
        }
    }
}
