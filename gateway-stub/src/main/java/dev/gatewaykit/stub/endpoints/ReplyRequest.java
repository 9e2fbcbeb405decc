package dev.gatewaykit.stub.endpoints;

import dev.gatewaykit.stub.conversation.Conversation;

/**
 * What a reply is made from.
 *
 * @param prompt       the validated prompt text
 * @param conversation the whole conversation with the offered tools
 * @param format       the requested output format
 * @param maxTokens    token limit of the reply, or {@code null}
 */
public record ReplyRequest(PromptText prompt, Conversation conversation, OutputFormat format, Integer maxTokens) {
}
