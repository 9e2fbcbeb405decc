package dev.gatewaykit.sample.ask;

import java.util.List;

/**
 * Answer of {@code POST /api/ask}.
 * @param question the question
 * @param answer the model's answer
 * @param model the chat model used
 * @param finishReason why the model stopped ({@code stop}, {@code length}, …)
 * @param sources the documents given as context
 */
public record AskResponse(String question, String answer, String model, String finishReason, List<Source> sources) {
}
