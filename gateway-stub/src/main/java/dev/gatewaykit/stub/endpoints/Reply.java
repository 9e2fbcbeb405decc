package dev.gatewaykit.stub.endpoints;

import dev.gatewaykit.stub.tools.ToolCall;

import java.util.ArrayList;
import java.util.List;

/**
 * What the model "says": text pieces for streaming, tool calls, the pause between pieces, and why it stopped.
 *
 * @param chunks       stream pieces in order (joined = the full text; empty = no text)
 * @param toolCalls    tool calls after the text, in order
 * @param delayMillis  pause before each piece after the first
 * @param finishReason {@code stop}, {@code tool_calls}, or {@code length} when cut by a token limit
 */
public record Reply(List<String> chunks, List<ToolCall> toolCalls, long delayMillis, String finishReason) {

    /** A text-only reply. */
    public Reply(List<String> chunks, long delayMillis, String finishReason) {
        this(chunks, List.of(), delayMillis, finishReason);
    }

    /** The full text. */
    public String text() {
        return String.join("", chunks);
    }

    /** Whether the reply has text (a tool-call-only reply has none). */
    public boolean hasText() {
        return !chunks.isEmpty();
    }

    /** Completion tokens of the text and the tool calls. */
    public long tokens() {
        long tokens = Tokens.count(text());
        for (ToolCall c : toolCalls) {
            tokens += Tokens.count(c.name()) + Tokens.count(c.arguments());
        }
        return tokens;
    }

    /** {@code arguments} split into stream pieces of at most {@code size} characters (at least two pieces when possible). */
    public static List<String> argumentPieces(String arguments, int size) {
        int n = arguments.length();
        int piece = Math.max(1, Math.min(size, (n + 1) / 2));
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = Math.min(n, start + piece);
            if (end < n && Character.isHighSurrogate(arguments.charAt(end - 1))) {
                end++; // never split a surrogate pair
            }
            out.add(arguments.substring(start, end));
            start = end;
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
