package dev.gatewaykit.stub.conversation;

import dev.gatewaykit.stub.tools.ToolCall;

import java.util.List;

/**
 * One message of a conversation, whichever API carried it.
 *
 * @param role       {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param text       its text (for a tool message: the tool output)
 * @param toolCalls  calls an assistant message made (empty otherwise)
 * @param toolCallId for a tool message: the call it answers, else {@code null}
 * @param toolName   for a tool message: the name of the function of that call, else {@code null}
 */
public record Message(String role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

    /** A message without tool parts. */
    public static Message text(String role, String text) {
        return new Message(role, text, List.of(), null, null);
    }

    /** Whether this is a tool output. */
    public boolean isToolResult() {
        return "tool".equals(role);
    }
}
