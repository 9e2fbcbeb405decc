package dev.gatewaykit.sample.ask;

import java.util.List;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sample.search.SearchHit;

/**
 * The chat request for a question: instructions and retrieved documents in the system message, the question alone
 * as the user message (so the model, and the stub's echo, answer the question rather than the context).
 */
final class GroundedPrompt {

    private static final long MAX_ANSWER_TOKENS = 512;

    private static final String INSTRUCTIONS = """
            You answer questions about calling OpenAI through LiteLLM or Portkey proxies. Use only the numbered \
            context below; if it is not enough, say so. Cite documents as [n].""";

    private GroundedPrompt() {
    }

    static ChatCompletionCreateParams.Builder of(String model, String question, List<SearchHit> context) {
        StringBuilder system = new StringBuilder(INSTRUCTIONS).append("\n\nContext:");
        for (int i = 0; i < context.size(); i++) {
            SearchHit hit = context.get(i);
            system.append("\n[").append(i + 1).append("] ").append(hit.title()).append(": ").append(hit.text());
        }
        return ChatCompletionCreateParams.builder()
            .model(model)
            .maxCompletionTokens(MAX_ANSWER_TOKENS)
            .addSystemMessage(system.toString())
            .addUserMessage(question);
    }

}
