package dev.gatewaykit.ai.springai;

import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;

import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiEmbeddingAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Context runners with the gateway starter, the bridge and Spring AI's own OpenAI, tool-calling and ChatClient
 * auto-configurations, as an application with {@code spring-ai-starter-model-openai} has them. Every gateway
 * variable a test relies on is set as a property, which outranks the process environment.
 */
final class SpringAiRunners {

    private SpringAiRunners() {
    }

    static ApplicationContextRunner withSpringAi() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    GatewaySpringAiAutoConfiguration.class, OpenAiChatAutoConfiguration.class,
                    OpenAiEmbeddingAutoConfiguration.class, ToolCallingAutoConfiguration.class,
                    ChatClientAutoConfiguration.class))
            .withPropertyValues("openai.dotenv.enabled=false");
    }

    /** Public route on {@code publicUrl}, internal route on {@code internalUrl}, each with its own key. */
    static ApplicationContextRunner onRoutes(String publicUrl, String publicKey, String internalUrl,
            String internalKey) {
        return withSpringAi().withPropertyValues("openai.base-url=" + publicUrl, "openai.api-key=" + publicKey,
                "openai.internal-base-url=" + internalUrl, "openai.internal-api-key=" + internalKey,
                "openai.gateway=litellm", "openai.max-retries=0", "openai.llm.model=gpt-4o-mini",
                "openai.codex.model=gpt-4.1-mini", "openai.embeddings.model=text-embedding-3-small");
    }
}
