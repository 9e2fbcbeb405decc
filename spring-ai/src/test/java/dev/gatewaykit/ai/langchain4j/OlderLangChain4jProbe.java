package dev.gatewaykit.ai.langchain4j;

import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a fresh JVM by {@link OlderLangChain4jTests}: starts the starter and the LangChain4j bridge and prints
 * which LangChain4j model beans exist.
 */
public final class OlderLangChain4jProbe {

    static final String BEANS = "LANGCHAIN4J_BEANS=";

    private OlderLangChain4jProbe() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--openai.dotenv.enabled=false",
                "--openai.base-url=http://127.0.0.1:4000/v1", "--openai.api-key=sk-test-probe-0123456789",
                "--openai.gateway=litellm", "--spring.main.banner-mode=off")) {
            StringBuilder beans = new StringBuilder();
            for (String name : context.getBeanDefinitionNames()) {
                if (name.toLowerCase(java.util.Locale.ROOT).contains("langchain4j")) {
                    beans.append(beans.length() == 0 ? "" : ",").append(name);
                }
            }
            System.out.println(BEANS + beans);
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({ OpenAIGatewayAutoConfiguration.class, GatewayLangChain4jAutoConfiguration.class })
    static class App {
    }
}
