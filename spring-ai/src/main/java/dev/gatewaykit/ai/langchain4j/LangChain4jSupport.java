package dev.gatewaykit.ai.langchain4j;

import org.springframework.util.ClassUtils;

/**
 * Which LangChain4j the application has, and whether the bridge supports it: LangChain4j 1.x, whose chat models
 * implement {@code dev.langchain4j.model.chat.ChatModel} and take a pluggable {@code HttpClientBuilder} (0.x had
 * {@code ChatLanguageModel} and neither).
 */
public final class LangChain4jSupport {

    /** The LangChain4j line the bridge supports. */
    public static final String SUPPORTED = "1.x (built and tested with 1.19.0)";

    static final String OPEN_AI_CHAT_MODEL = "dev.langchain4j.model.openai.OpenAiChatModel";

    /** LangChain4j's chat model on the Responses API (langchain4j-open-ai 1.19 has it; earlier 1.x may not). */
    static final String OPEN_AI_RESPONSES_CHAT_MODEL = "dev.langchain4j.model.openai.OpenAiResponsesChatModel";

    /** Its streaming twin. */
    static final String OPEN_AI_RESPONSES_STREAMING_CHAT_MODEL =
            "dev.langchain4j.model.openai.OpenAiResponsesStreamingChatModel";

    static final String CHAT_MODEL_1X = "dev.langchain4j.model.chat.ChatModel";

    static final String HTTP_CLIENT_BUILDER = "dev.langchain4j.http.client.HttpClientBuilder";

    private LangChain4jSupport() {
    }

    static boolean supported(ClassLoader classLoader) {
        return ClassUtils.isPresent(OPEN_AI_CHAT_MODEL, classLoader) && ClassUtils.isPresent(CHAT_MODEL_1X, classLoader)
                && ClassUtils.isPresent(HTTP_CLIENT_BUILDER, classLoader);
    }

    static String unsupportedMessage() {
        return "openai-gateway-spring-ai supports LangChain4j " + SUPPORTED + " (langchain4j-open-ai); found a "
                + "LangChain4j without dev.langchain4j.model.chat.ChatModel or its HTTP client module (0.x). The "
                + "gateway's LangChain4j models are off; the gateway's openai-java clients are unaffected.";
    }
}
