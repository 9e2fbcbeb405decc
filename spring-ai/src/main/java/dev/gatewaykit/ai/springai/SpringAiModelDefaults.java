package dev.gatewaykit.ai.springai;

import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/**
 * The model options Spring AI's own properties ({@code spring.ai.openai.chat.*}, {@code spring.ai.openai.embedding.*})
 * ask for, before the gateway's role models are applied over them.
 *
 * @param chat      chat options (temperature, max tokens, ...)
 * @param embedding embedding options (dimensions, user, ...)
 */
public record SpringAiModelDefaults(OpenAiChatOptions chat, OpenAiEmbeddingOptions embedding) {

    /** Spring AI's built-in defaults: what applies when its auto-configuration module is absent. */
    public static SpringAiModelDefaults builtIn() {
        return new SpringAiModelDefaults(OpenAiChatOptions.builder().model(OpenAiChatOptions.DEFAULT_CHAT_MODEL)
                .build(), OpenAiEmbeddingOptions.builder().model(OpenAiEmbeddingOptions.DEFAULT_EMBEDDING_MODEL)
                .build());
    }
}
