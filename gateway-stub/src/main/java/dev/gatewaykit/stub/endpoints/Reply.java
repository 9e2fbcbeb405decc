package dev.gatewaykit.stub.endpoints;

import java.util.List;

/**
 * What the model "says": text pieces for streaming, the pause between them, and why it stopped.
 *
 * @param chunks       stream pieces in order (joined = the full text)
 * @param delayMillis  pause before each piece after the first
 * @param finishReason {@code stop}, or {@code length} when cut by a token limit
 */
public record Reply(List<String> chunks, long delayMillis, String finishReason) {

    /** The full text. */
    public String text() {
        return String.join("", chunks);
    }

    /** Completion tokens of the full text. */
    public long tokens() {
        return Tokens.count(text());
    }
}
