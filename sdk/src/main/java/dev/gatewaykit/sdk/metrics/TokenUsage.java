package dev.gatewaykit.sdk.metrics;

import java.util.OptionalLong;

/**
 * Token counts found in a response's {@code usage}, in either naming: Chat/Embeddings ({@code prompt_tokens},
 * {@code completion_tokens}) or Responses ({@code input_tokens}, {@code output_tokens}). The last value seen wins,
 * so a stream's final usage chunk is what counts.
 */
final class TokenUsage {

    private volatile long input = -1;
    private volatile long output = -1;

    /** Takes one numeric field of a usage object; other fields ({@code total_tokens}, details) are ignored. */
    void accept(String field, long value) {
        if (value < 0) {
            return;
        }
        switch (field) {
            case "prompt_tokens", "input_tokens" -> input = value;
            case "completion_tokens", "output_tokens" -> output = value;
            default -> {
                // total_tokens and the like: derived, not recorded
            }
        }
    }

    OptionalLong input() {
        return input < 0 ? OptionalLong.empty() : OptionalLong.of(input);
    }

    OptionalLong output() {
        return output < 0 ? OptionalLong.empty() : OptionalLong.of(output);
    }
}
