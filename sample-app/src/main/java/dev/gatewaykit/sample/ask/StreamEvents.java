package dev.gatewaykit.sample.ask;

import java.util.List;

/** Payloads of the server-sent events of {@code GET /api/ask/stream}. */
public final class StreamEvents {

    /** Event name of a piece of the answer. */
    public static final String DELTA = "delta";

    /** Event name of the last event of a successful stream. */
    public static final String DONE = "done";

    /** Event name of a failure after the stream started; its data is a problem detail. */
    public static final String ERROR = "error";

    private StreamEvents() {
    }

    /**
     * A piece of the answer. JSON, not bare text, because SSE strips a leading space from data lines and tokens
     * often start with one.
     * @param text the piece
     */
    public record Delta(String text) {
    }

    /**
     * The end of a successful stream.
     * @param model the chat model
     * @param deltas number of {@link Delta} events sent
     * @param finishReason why the model stopped
     * @param sources the documents given as context
     * @param promptTokens prompt tokens, when the gateway reported usage
     * @param completionTokens completion tokens, when the gateway reported usage
     */
    public record Done(String model, int deltas, String finishReason, List<Source> sources, Long promptTokens,
            Long completionTokens) {
    }

}
