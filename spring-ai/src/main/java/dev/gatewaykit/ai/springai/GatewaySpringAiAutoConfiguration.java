package dev.gatewaykit.ai.springai;

import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.spring.GatewayClient;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatProperties;
import org.springframework.ai.model.openai.autoconfigure.OpenAiEmbeddingProperties;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Spring AI's OpenAI models on the gateway routes, when the application has spring-ai-openai 2.0.x.
 * <p>
 * Beans, each backing off when the application defines its own: {@code openAiChatModel} on the LLM role's sync and
 * async clients ({@link GatewayClient @GatewayClient(Role.LLM)}; what a plain {@code ChatModel} injection point and
 * Spring AI's {@code ChatClient.Builder} get), {@code codexOpenAiChatModel} on the CODEX route
 * ({@code @GatewayClient(Role.CODEX)}, {@link Fallback @Fallback}; Spring AI 2.0 has no Responses-API chat model,
 * so it speaks Chat Completions) and {@code openAiEmbeddingModel} on the EMBEDDINGS route. Ordered before Spring
 * AI's {@code OpenAiChatAutoConfiguration} and {@code OpenAiEmbeddingAutoConfiguration}, whose
 * {@code @ConditionalOnMissingBean} models then back off. The role model ({@code OPENAI_<ROLE>_MODEL}) is the
 * default model; Spring AI's {@code spring.ai.openai.chat.*} / {@code .embedding.*} options apply otherwise. Like
 * Spring AI's own, the chat models exist only while {@code spring.ai.model.chat} is {@code openai} or unset, the
 * embedding model only while {@code spring.ai.model.embedding} is.
 */
@AutoConfiguration(after = OpenAIGatewayAutoConfiguration.class, beforeName = {
        "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiEmbeddingAutoConfiguration",
        "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration" })
@ConditionalOnClass(name = SpringAiSupport.CHAT_MODEL)
public final class GatewaySpringAiAutoConfiguration {

    // Present whenever Spring AI is: says once, at startup, why the bridge is off for an unsupported version.
    @Bean
    static SpringAiVersionCheck gatewaySpringAiVersionCheck() {
        return new SpringAiVersionCheck();
    }

    /** Spring AI's own model properties, when its OpenAI auto-configuration module is present. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnSupportedSpringAiCondition.class)
    @ConditionalOnClass(name = "org.springframework.ai.model.openai.autoconfigure.OpenAiChatProperties")
    @EnableConfigurationProperties({ OpenAiChatProperties.class, OpenAiEmbeddingProperties.class })
    static class SpringAiPropertiesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SpringAiModelDefaults gatewaySpringAiModelDefaults(OpenAiChatProperties chat,
                OpenAiEmbeddingProperties embedding) {
            return SpringAiPropertiesDefaults.from(chat, embedding);
        }

    }

    /** The models. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnSupportedSpringAiCondition.class)
    @ConditionalOnBean(GatewayClients.class)
    static class ModelsConfiguration {

        // Declared first: Bean methods register in declaration order, so this one's "no OpenAiChatModel yet"
        // condition sees only the application's beans, never the CODEX model below.
        @Bean
        @GatewayClient(Role.LLM)
        @ConditionalOnMissingBean(OpenAiChatModel.class)
        @ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "openai", matchIfMissing = true)

        OpenAiChatModel openAiChatModel(GatewayClients clients, ObjectProvider<SpringAiModelDefaults> defaults,
                ObjectProvider<ToolCallingManager> toolCallingManager,
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<ChatModelObservationConvention> observationConvention) {
            return chatModel(clients, Role.LLM, defaults, toolCallingManager, observationRegistry,
                    observationConvention);
        }

        // Lazy: nothing injects the CODEX model unless the application asks for it by qualifier, so its
        // openai-java client is not built at start.
        @Bean
        @Lazy
        @GatewayClient(Role.CODEX)
        @Fallback
        @ConditionalOnMissingBean(name = "codexOpenAiChatModel")
        @ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "openai", matchIfMissing = true)

        OpenAiChatModel codexOpenAiChatModel(GatewayClients clients, ObjectProvider<SpringAiModelDefaults> defaults,
                ObjectProvider<ToolCallingManager> toolCallingManager,
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<ChatModelObservationConvention> observationConvention) {
            return chatModel(clients, Role.CODEX, defaults, toolCallingManager, observationRegistry,
                    observationConvention);
        }

        @Bean
        @GatewayClient(Role.EMBEDDINGS)
        @ConditionalOnMissingBean(OpenAiEmbeddingModel.class)
        @ConditionalOnProperty(name = "spring.ai.model.embedding", havingValue = "openai", matchIfMissing = true)

        OpenAiEmbeddingModel openAiEmbeddingModel(GatewayClients clients,
                ObjectProvider<SpringAiModelDefaults> defaults,
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<EmbeddingModelObservationConvention> observationConvention) {
            OpenAiEmbeddingOptions.Builder options = OpenAiEmbeddingOptions.builder()
                    .from(defaultsOf(defaults).embedding());
            Optional<String> roleModel = clients.settings().route(Role.EMBEDDINGS).model();
            if (roleModel.isPresent()) {
                options.model(roleModel.get());
            }
            OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().openAiClient(clients.embeddings())
                    .options(options.build())
                    .observationRegistry(registryOf(observationRegistry))
                    .build();
            EmbeddingModelObservationConvention convention = observationConvention.getIfAvailable();
            if (convention != null) {
                model.setObservationConvention(convention);
            }
            return model;
        }

        @Bean
        SpringAiRoutingNotice gatewaySpringAiRoutingNotice(GatewayClients clients, Environment environment) {
            return new SpringAiRoutingNotice(SpringAiPropertyConflicts.warnings(environment, clients.settings()));
        }

        private static OpenAiChatModel chatModel(GatewayClients clients, Role role,
                ObjectProvider<SpringAiModelDefaults> defaults, ObjectProvider<ToolCallingManager> toolCallingManager,
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<ChatModelObservationConvention> observationConvention) {
            OpenAiChatOptions.Builder options = defaultsOf(defaults).chat().mutate();
            Optional<String> roleModel = clients.settings().route(role).model();
            if (roleModel.isPresent()) {
                options.model(roleModel.get());
            }
            OpenAiChatModel.Builder builder = OpenAiChatModel.builder().openAiClient(clients.client(role))
                    .openAiClientAsync(clients.async(role)).options(options.build())
                    .observationRegistry(registryOf(observationRegistry));
            ToolCallingManager manager = toolCallingManager.getIfUnique();
            if (manager != null) {
                builder.toolCallingManager(manager);
            }
            OpenAiChatModel model = builder.build();
            ChatModelObservationConvention convention = observationConvention.getIfAvailable();
            if (convention != null) {
                model.setObservationConvention(convention);
            }
            return model;
        }

        // Plain code, no lambdas or method references: these run at every start, where each lambda the JVM spins
        // costs measurable time (see the sdk settings package note on cold start).
        private static SpringAiModelDefaults defaultsOf(ObjectProvider<SpringAiModelDefaults> defaults) {
            SpringAiModelDefaults configured = defaults.getIfAvailable();
            return (configured != null) ? configured : SpringAiModelDefaults.builtIn();
        }

        private static ObservationRegistry registryOf(ObjectProvider<ObservationRegistry> observationRegistry) {
            ObservationRegistry registry = observationRegistry.getIfUnique();
            return (registry != null) ? registry : ObservationRegistry.NOOP;
        }

    }

}
