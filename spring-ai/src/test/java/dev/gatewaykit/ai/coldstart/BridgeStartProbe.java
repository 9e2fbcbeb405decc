package dev.gatewaykit.ai.coldstart;

import java.util.Map;

import dev.gatewaykit.ai.langchain4j.GatewayLangChain4jAutoConfiguration;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an application with Spring AI's OpenAI starter, the gateway starter and the Spring AI bridge, in the
 * working directory (its {@code .env} is read), with a conflicting {@code spring.ai.openai.api-key} so the routing
 * notice runs, and INFO logging so the routes line is written; then builds a {@code ChatClient} and looks up the
 * embedding model. Run in a fresh JVM by {@link BridgeStartClassLoadingTests}.
 */
public final class BridgeStartProbe {

    static final String STARTED = "BRIDGE_STARTED";

    private BridgeStartProbe() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off",
                "spring.ai.openai.api-key", "sk-test-springai-000000000000000",
                "openai.api-key", "sk-test-gateway-0000000000000000"));
        try (ConfigurableApplicationContext context = application.run()) {
            context.getBean(ChatClient.Builder.class).build();
            context.getBean(EmbeddingModel.class);
        }
        System.out.println(STARTED);
    }

    /** Every auto-configuration but LangChain4j's (a separate bridge with its own start path). */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = GatewayLangChain4jAutoConfiguration.class)
    static class App {

    }

}
