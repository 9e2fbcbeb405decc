package dev.gatewaykit.ai.springai;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.spring.GatewayClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.setup.OpenAiSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.gatewaykit.sdk.settings.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

/** When the bridge's Spring AI models exist, which one wins, and what a conflicting Spring AI setting says. */
@ExtendWith(OutputCaptureExtension.class)
class GatewaySpringAiAutoConfigurationTests {

    private static final String PUBLIC_KEY = "sk-test-public-0123456789publ";

    private static final String INTERNAL_KEY = "sk-test-internal-012345678intr";

    private final ApplicationContextRunner runner = SpringAiRunners.onRoutes("http://litellm.public:4000",
            PUBLIC_KEY, "http://litellm.internal:4000", INTERNAL_KEY);

    @Test
    void springAiPresentGivesTheRoleModelsAndSpringAisOwnBackOff() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(OpenAiChatModel.class)).containsOnlyKeys("openAiChatModel",
                    "codexOpenAiChatModel");
            assertThat(context).hasSingleBean(OpenAiEmbeddingModel.class);
            assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("openAiChatModel"));
            assertThat(context.getBean(EmbeddingModel.class)).isSameAs(context.getBean("openAiEmbeddingModel"));
            assertThat(context).hasSingleBean(ChatClient.Builder.class);
        });
    }

    @Test
    void theRoleModelIsTheDefaultModelOfEachSpringAiModel() {
        runner.run(context -> {
            assertThat(context.getBean("openAiChatModel", OpenAiChatModel.class).getDefaultOptions().getModel())
                .isEqualTo("gpt-4o-mini");
            assertThat(context.getBean("codexOpenAiChatModel", OpenAiChatModel.class).getDefaultOptions().getModel())
                .isEqualTo("gpt-4.1-mini");
            assertThat(context.getBean(OpenAiEmbeddingModel.class).getOptions().getModel())
                .isEqualTo("text-embedding-3-small");
        });
    }

    @Test
    void springAiOptionsThatDoNotRouteStillApply() {
        runner.withPropertyValues("spring.ai.openai.chat.temperature=0.25", "spring.ai.openai.chat.max-tokens=77",
                "spring.ai.openai.embedding.dimensions=64")
            .run(context -> {
                OpenAiChatModel chat = context.getBean("openAiChatModel", OpenAiChatModel.class);
                assertThat(chat.getDefaultOptions().getTemperature()).isEqualTo(0.25);
                assertThat(chat.getDefaultOptions().getMaxTokens()).isEqualTo(77);
                assertThat(context.getBean(OpenAiEmbeddingModel.class).getOptions().getDimensions()).isEqualTo(64);
            });
    }

    @Test
    void withoutARoleModelSpringAisModelPropertyApplies() {
        runner.withPropertyValues("openai.llm.model=", "spring.ai.openai.chat.model=gpt-4.1")
            .run(context -> assertThat(context.getBean("openAiChatModel", OpenAiChatModel.class)
                .getDefaultOptions().getModel()).isEqualTo("gpt-4.1"));
    }

    @Test
    void qualifiedInjectionPointsGetTheRolesModels() {
        runner.withUserConfiguration(ModelConsumer.class).run(context -> {
            ModelConsumer consumer = context.getBean(ModelConsumer.class);
            assertThat(consumer.plain).isSameAs(context.getBean("openAiChatModel"));
            assertThat(consumer.codex).isSameAs(context.getBean("codexOpenAiChatModel"));
            assertThat(consumer.embeddings).isSameAs(context.getBean("openAiEmbeddingModel"));
        });
    }

    @Test
    void theApplicationsOwnOpenAiChatModelWinsWithoutError() {
        runner.withUserConfiguration(OwnChatModel.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("myChatModel"));
            assertThat(context).doesNotHaveBean("openAiChatModel");
            // The bridge's other models stay: the application replaced only the LLM one.
            assertThat(context).hasBean("codexOpenAiChatModel").hasSingleBean(OpenAiEmbeddingModel.class);
            assertThat(context).hasSingleBean(ChatClient.Builder.class);
        });
    }

    @Test
    void anotherChatProviderChosenForSpringAiLeavesOnlyTheEmbeddingModel() {
        runner.withPropertyValues("spring.ai.model.chat=none").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OpenAiChatModel.class);
            assertThat(context).hasSingleBean(OpenAiEmbeddingModel.class);
        });
    }

    @Test
    void withoutSpringAiTheBridgeAddsNothingAndTheStarterWorks() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    GatewaySpringAiAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader("org.springframework.ai"))
            .withPropertyValues("openai.dotenv.enabled=false", "openai.base-url=http://litellm.public:4000",
                    "openai.api-key=" + PUBLIC_KEY, "openai.internal-api-key=" + INTERNAL_KEY)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasBean("llmOpenAIClient").doesNotHaveBean("openAiChatModel");
            });
    }

    @Test
    void anUnsupportedSpringAiGivesOneClearMessageAndTheBridgeBacksOff(CapturedOutput output) {
        // A Spring AI without the openai-java setup package: what Spring AI 1.x looks like to the bridge.
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    GatewaySpringAiAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader(OpenAiSetup.class))
            .withPropertyValues("openai.dotenv.enabled=false", "openai.base-url=http://litellm.public:4000",
                    "openai.api-key=" + PUBLIC_KEY, "openai.internal-api-key=" + INTERNAL_KEY)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(OpenAiChatModel.class).doesNotHaveBean(OpenAiEmbeddingModel.class);
                assertThat(context).hasBean("llmOpenAIClient");
            });
        assertThat(output.getOut().lines().filter(l -> l.contains("openai-gateway-spring-ai supports Spring AI")))
            .singleElement()
            .satisfies(line -> assertThat(line).contains("WARN").contains("2.0.x").contains("Spring AI 2.0.1"));
    }

    @Test
    void aConflictingSpringAiBaseUrlGivesOneWarningNamingBothProperties(CapturedOutput output) {
        runner.withPropertyValues("spring.ai.openai.base-url=https://api.openai.com").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SpringAiRoutingNotice.class).warnings()).singleElement()
                .satisfies(w -> assertThat(w).startsWith("spring.ai.openai.base-url=https://api.openai.com is not used")
                    .contains("LLM -> http://litellm.public:4000 (openai.base-url / OPENAI_BASE_URL")
                    .contains("EMBEDDINGS -> http://litellm.internal:4000 (openai.internal-base-url"));
        });
        assertThat(output.getOut().lines().filter(l -> l.contains("spring.ai.openai.base-url="))).hasSize(1);
    }

    @Test
    void aConflictingSpringAiKeyIsNamedMaskedAndNeverShownInFull(CapturedOutput output) {
        String otherKey = "sk-proj-provider-key-0000wxyz";
        runner.withPropertyValues("spring.ai.openai.chat.api-key=" + otherKey).run(context -> {
            assertThat(context.getBean(SpringAiRoutingNotice.class).warnings()).singleElement()
                .satisfies(w -> assertThat(w)
                    .startsWith("spring.ai.openai.chat.api-key=" + Secrets.mask(otherKey) + " is not used")
                    .contains("LLM -> " + Secrets.mask(PUBLIC_KEY) + " (openai.api-key / OPENAI_API_KEY"));
        });
        assertThat(output.getAll()).doesNotContain(otherKey).doesNotContain(PUBLIC_KEY);
    }

    @Test
    void springAiPropertiesEqualToTheRoutesAreNotAConflict() {
        runner.withPropertyValues("spring.ai.openai.chat.base-url=http://litellm.public:4000/",
                "spring.ai.openai.chat.api-key=" + PUBLIC_KEY)
            .run(context -> assertThat(context.getBean(SpringAiRoutingNotice.class).warnings()).isEmpty());
    }

    @Configuration(proxyBeanMethods = false)
    static class ModelConsumer {

        @Autowired
        ChatModel plain;

        @Autowired
        @GatewayClient(Role.CODEX)
        ChatModel codex;

        @Autowired
        @GatewayClient(Role.EMBEDDINGS)
        EmbeddingModel embeddings;

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChatModel {

        @Bean
        OpenAiChatModel myChatModel() {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:9/v1")
                .apiKey("sk-test-own-0123456789").build();
            return OpenAiChatModel.builder().openAiClient(client).openAiClientAsync(client.async()).build();
        }

    }

}
