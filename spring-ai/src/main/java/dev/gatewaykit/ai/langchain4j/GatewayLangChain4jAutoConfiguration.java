package dev.gatewaykit.ai.langchain4j;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.spring.GatewayClient;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiResponsesChatModel;
import dev.langchain4j.model.openai.OpenAiResponsesStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * LangChain4j's OpenAI models on the gateway routes, when the application has langchain4j-open-ai 1.x.
 * <p>
 * Beans, each backing off when the application defines one of the same type: {@code langchain4jOpenAiChatModel}
 * and {@code langchain4jOpenAiStreamingChatModel} on the LLM route ({@link GatewayClient @GatewayClient(Role.LLM)}),
 * {@code codexLangchain4jOpenAiChatModel} on the CODEX route ({@code @GatewayClient(Role.CODEX)},
 * {@link Fallback @Fallback}), {@code codexLangchain4jOpenAiResponsesChatModel} and
 * {@code codexLangchain4jOpenAiResponsesStreamingChatModel} (the Responses API) on the CODEX route ({@code @Fallback},
 * by type) and {@code langchain4jOpenAiEmbeddingModel} on the EMBEDDINGS route. The names differ from Spring AI's so
 * both bridges can live in one application.
 */
@AutoConfiguration(after = OpenAIGatewayAutoConfiguration.class)
@ConditionalOnClass(name = LangChain4jSupport.OPEN_AI_CHAT_MODEL)
public final class GatewayLangChain4jAutoConfiguration {

    @Bean
    static LangChain4jVersionCheck gatewayLangChain4jVersionCheck() {
        return new LangChain4jVersionCheck();
    }

    /** The models. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnSupportedLangChain4jCondition.class)
    @ConditionalOnBean(GatewayClients.class)
    static class ModelsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LangChain4jModels gatewayLangChain4jModels(GatewayClients clients) {
            return new LangChain4jModels(clients);
        }

        // Declared first: this one's "no OpenAiChatModel yet" condition must not see the CODEX model below.
        @Bean
        @GatewayClient(Role.LLM)
        @ConditionalOnMissingBean(OpenAiChatModel.class)
        OpenAiChatModel langchain4jOpenAiChatModel(LangChain4jModels models) {
            return models.chatModel(Role.LLM);
        }

        @Bean
        @GatewayClient(Role.CODEX)
        @Fallback
        @ConditionalOnMissingBean(name = "codexLangchain4jOpenAiChatModel")
        OpenAiChatModel codexLangchain4jOpenAiChatModel(LangChain4jModels models) {
            return models.chatModel(Role.CODEX);
        }

        @Bean
        @GatewayClient(Role.LLM)
        @ConditionalOnMissingBean(OpenAiStreamingChatModel.class)
        OpenAiStreamingChatModel langchain4jOpenAiStreamingChatModel(LangChain4jModels models) {
            return models.streamingChatModel(Role.LLM);
        }

        @Bean
        @GatewayClient(Role.EMBEDDINGS)
        @ConditionalOnMissingBean(OpenAiEmbeddingModel.class)
        OpenAiEmbeddingModel langchain4jOpenAiEmbeddingModel(LangChain4jModels models) {
            return models.embeddingModel();
        }

        /**
         * The CODEX route on the Responses API, plain and streamed. Injected by type: they carry no role qualifier,
         * so {@code @GatewayClient(Role.CODEX) ChatModel} stays the Chat Completions model. Only this configuration
         * and {@link LangChain4jResponsesModels} name the Responses classes, so a LangChain4j without them gets the
         * other models.
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = { LangChain4jSupport.OPEN_AI_RESPONSES_CHAT_MODEL,
                LangChain4jSupport.OPEN_AI_RESPONSES_STREAMING_CHAT_MODEL })
        static class ResponsesConfiguration {

            @Bean
            @ConditionalOnMissingBean
            LangChain4jResponsesModels gatewayLangChain4jResponsesModels(GatewayClients clients) {
                return new LangChain4jResponsesModels(clients);
            }

            @Bean
            @Fallback
            @ConditionalOnMissingBean(OpenAiResponsesChatModel.class)
            OpenAiResponsesChatModel codexLangchain4jOpenAiResponsesChatModel(LangChain4jResponsesModels models) {
                return models.chatModel(Role.CODEX);
            }

            @Bean
            @Fallback
            @ConditionalOnMissingBean(OpenAiResponsesStreamingChatModel.class)
            OpenAiResponsesStreamingChatModel codexLangchain4jOpenAiResponsesStreamingChatModel(
                    LangChain4jResponsesModels models) {
                return models.streamingChatModel(Role.CODEX);
            }

        }

    }

}
