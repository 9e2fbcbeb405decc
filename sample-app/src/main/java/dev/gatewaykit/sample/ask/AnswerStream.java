package dev.gatewaykit.sample.ask;

import java.util.List;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;

/**
 * An opened streaming answer: the gateway accepted the request, the chunks are still to be read.
 * @param question the question
 * @param model the chat model
 * @param sources the documents given as context
 * @param chunks the open stream; whoever reads it closes it
 */
record AnswerStream(String question, String model, List<Source> sources, StreamResponse<ChatCompletionChunk> chunks) {
}
