package dev.gatewaykit.stub.verify;

import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.tools.ToolCall;

import java.time.Instant;
import java.util.List;

/**
 * One model call as a test sees it: who called which model on which route, the conversation sent (texts cut and
 * keys masked), and what the stub answered.
 *
 * @param seq        1-based order since start or reset
 * @param timestamp  when it was answered
 * @param path       endpoint path below {@code /v1}, e.g. {@code /chat/completions}
 * @param model      the model as the provider sees it
 * @param key        the presented key, masked, or {@code null}
 * @param messages   the conversation the client sent
 * @param toolNames  names of the tools the request offered
 * @param replyText  text of the reply (empty when only tool calls)
 * @param toolCalls  tool calls of the reply
 */
public record RecordedCall(long seq, Instant timestamp, String path, String model, String key, List<Message> messages,
                           List<String> toolNames, String replyText, List<ToolCall> toolCalls) {

    /** Tool outputs the client sent back in this call. */
    public List<Message> toolResults() {
        return messages.stream().filter(Message::isToolResult).toList();
    }
}
