package dev.gatewaykit.stub.scripting;

import java.util.List;

/**
 * One reply of a script: text (as stream pieces, possibly none) and tool calls (possibly none), never both empty.
 *
 * @param chunks    text pieces in order (empty: no text)
 * @param toolCalls tool calls after the text, in order (parallel calls when more than one)
 */
public record ScriptStep(List<String> chunks, List<ScriptedToolCall> toolCalls) {

    /** Copies and validates. */
    public ScriptStep {
        chunks = List.copyOf(chunks);
        toolCalls = List.copyOf(toolCalls);
        if (chunks.isEmpty() && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("a script reply needs text (reply, chunks, json) or tool calls");
        }
    }

    /** The full text. */
    public String text() {
        return String.join("", chunks);
    }
}
