package dev.gatewaykit.stub.conversation;

import dev.gatewaykit.stub.tools.ToolCall;
import dev.gatewaykit.stub.tools.ToolRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole conversation a request carries (for Responses: including the stored turns named by
 * {@code previous_response_id}), plus the tools it offers; what conversation matchers look at.
 *
 * @param messages messages in order
 * @param tools    the request's tools and tool choice
 */
public record Conversation(List<Message> messages, ToolRequest tools) {

    /**
     * 1 for the first model turn, then one more per assistant turn already in the conversation (an assistant
     * message, or a run of Responses output items).
     */
    public int turn() {
        int turn = 1;
        boolean inAssistant = false;
        for (Message m : messages) {
            boolean assistant = "assistant".equals(m.role());
            if (assistant && !inAssistant) {
                turn++;
            }
            inAssistant = assistant;
        }
        return turn;
    }

    /** Role of the last message, or {@code null} for an empty conversation. */
    public String lastRole() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).role();
    }

    /** The tool outputs at the end of the conversation (what the client just sent back). */
    public List<Message> latestToolResults() {
        List<Message> out = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).isToolResult(); i--) {
            out.add(0, messages.get(i));
        }
        return out;
    }

    /** Every tool output in the conversation. */
    public List<Message> toolResults() {
        return messages.stream().filter(Message::isToolResult).toList();
    }

    /** Every tool call the assistant made in the conversation. */
    public List<ToolCall> toolCalls() {
        return messages.stream().flatMap(m -> m.toolCalls().stream()).toList();
    }

    /** System and developer texts (and Responses {@code instructions}), newline-joined. */
    public String instructions() {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) {
            if ("system".equals(m.role()) || "developer".equals(m.role())) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(m.text());
            }
        }
        return sb.toString();
    }

    /** The last user text, or empty. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
