package dev.gatewaykit.stub.verify;

import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.tools.ToolCall;

import java.util.List;

/** Renders recorded calls as a short readable transcript (newest message of each call and the reply). */
final class Transcript {

    private static final int MAX_TEXT = 200;

    private Transcript() {
    }

    static String of(List<RecordedCall> calls) {
        StringBuilder sb = new StringBuilder();
        for (RecordedCall c : calls) {
            sb.append("#").append(c.seq()).append(' ').append(c.path()).append(' ').append(c.model())
                    .append(" tools=").append(c.toolNames()).append('\n');
            List<Message> messages = c.messages();
            int from = messages.size() - 1;
            while (from > 0 && messages.get(from).isToolResult()) {
                from--;
            }
            for (Message m : messages.subList(Math.max(0, from), messages.size())) {
                sb.append("   ").append(m.role());
                if (m.toolName() != null) {
                    sb.append('(').append(m.toolName()).append(' ').append(m.toolCallId()).append(')');
                }
                sb.append(": ").append(cut(m.text())).append('\n');
            }
            sb.append("   -> ").append(cut(c.replyText()));
            for (ToolCall t : c.toolCalls()) {
                sb.append(" [call ").append(t.name()).append(' ').append(cut(t.arguments())).append(']');
            }
            sb.append('\n');
        }
        return sb.length() == 0 ? "(no model calls)" : sb.toString();
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }
}
