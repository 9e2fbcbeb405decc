package dev.gatewaykit.ai.langchain4j;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.spring.GatewayClient;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.verify.Verification;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiResponsesChatModel;
import dev.langchain4j.model.openai.OpenAiResponsesStreamingChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j over real HTTP through the gateway routes (two LiteLLM stubs, each knowing only its own key), its
 * beans and when they back off.
 */
@ExtendWith(OutputCaptureExtension.class)
class LangChain4jOnGatewayRoutesTests {

    private static final String PUBLIC_KEY = "sk-test-public-0123456789publ";

    private static final String INTERNAL_KEY = "sk-test-internal-012345678intr";

    private GatewayStub publicProxy;

    private GatewayStub internalProxy;

    @BeforeEach
    void startStubs() {
        publicProxy = GatewayStub.builder().mode(StubMode.LITELLM).port(0)
            .virtualKey(VirtualKey.builder(PUBLIC_KEY).build()).start();
        internalProxy = GatewayStub.builder().mode(StubMode.LITELLM).port(0)
            .virtualKey(VirtualKey.builder(INTERNAL_KEY).build()).start();
    }

    @AfterEach
    void stopStubs() {
        publicProxy.close();
        internalProxy.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    GatewayLangChain4jAutoConfiguration.class))
            .withPropertyValues("openai.dotenv.enabled=false", "openai.base-url=" + publicProxy.baseUrl(),
                    "openai.api-key=" + PUBLIC_KEY, "openai.internal-base-url=" + internalProxy.baseUrl(),
                    "openai.internal-api-key=" + INTERNAL_KEY, "openai.gateway=litellm", "openai.max-retries=0",
                    "openai.llm.model=gpt-4o-mini", "openai.embeddings.model=text-embedding-3-small",
                    "openai.headers.x-team=search");
    }

    @Test
    void chatStreamAndEmbeddingRoundTripOnTheirRoutes() throws Exception {
        runner().run(context -> {
            String answer = context.getBean(ChatModel.class).chat("where does LangChain4j go?");
            assertThat(answer).contains("where does LangChain4j go?");

            assertStreamedInPieces(context.getBean(StreamingChatModel.class), "stream me through the gateway");

            Embedding embedding = context.getBean(EmbeddingModel.class).embed("embed me").content();
            assertThat(embedding.vector()).isNotEmpty();
        });

        assertThat(publicProxy.journal()).hasSize(2).allSatisfy(e -> {
            assertThat(e.path()).isEqualTo("/v1/chat/completions");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY));
            assertThat(e.model()).isEqualTo("gpt-4o-mini");
            assertThat(e.headers()).containsEntry("x-team", "search");
        });
        assertThat(publicProxy.journal().get(1).requestBody()).containsPattern("\"stream\"\\s*:\\s*true");
        assertThat(internalProxy.journal()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/v1/embeddings");
            assertThat(e.key()).isEqualTo(KeyMask.mask(INTERNAL_KEY));
            assertThat(e.model()).isEqualTo("text-embedding-3-small");
            assertThat(e.requestBody()).containsPattern("\"encoding_format\"\\s*:\\s*\"float\"");
        });
    }

    @Test
    void langChain4jCallsFailOverWithTheGatewaysFailoverKey() {
        GatewayStub direct = GatewayStub.builder().mode(StubMode.OPENAI).port(0)
            .masterKey("sk-test-direct-0123456789dire").models("gpt-4o-mini").start();
        try (direct) {
            publicProxy.fault(Fault.builder().path("/chat/completions").status(503).build());
            runner().withPropertyValues("openai.failover.enabled=true", "openai.failover.base-url=" + direct.baseUrl(),
                    "openai.failover.api-key=sk-test-direct-0123456789dire", "openai.failover.failure-threshold=1",
                    "openai.llm.model=openai/gpt-4o-mini")
                .run(context -> assertThat(context.getBean(ChatModel.class).chat("ping")).contains("ping"));
            assertThat(publicProxy.journal()).extracting(JournalEntry::status).containsExactly(503);
            assertThat(direct.journal()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(KeyMask.mask("sk-test-direct-0123456789dire"));
                assertThat(e.model()).isEqualTo("gpt-4o-mini");
            });
        }
    }

    @Test
    void theCodexResponsesModelTalksToTheResponsesApiOnTheCodexRoute() {
        runner().withPropertyValues("openai.codex.model=gpt-4.1-mini", "openai.codex.headers.x-agent=coder")
            .run(context -> {
                OpenAiResponsesChatModel codex = context.getBean(OpenAiResponsesChatModel.class);
                assertThat(codex).isSameAs(context.getBean("codexLangchain4jOpenAiResponsesChatModel"));
                assertThat(codex.chat("write a function that adds two numbers"))
                    .contains("write a function that adds two numbers");

                assertStreamedInPieces(context.getBean(OpenAiResponsesStreamingChatModel.class), "stream a function");
            });

        assertThat(publicProxy.journal()).hasSize(2).allSatisfy(e -> {
            assertThat(e.path()).isEqualTo("/v1/responses");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY));
            assertThat(e.model()).isEqualTo("gpt-4.1-mini");
            assertThat(e.headers()).containsEntry("x-team", "search").containsEntry("x-agent", "coder");
        });
        assertThat(publicProxy.journal().get(1).requestBody()).containsPattern("\"stream\"\\s*:\\s*true");
        assertThat(internalProxy.journal()).isEmpty();
    }

    @Test
    void aToolCallRoundTripOnTheResponsesApi() {
        publicProxy.script(Script.builder().path("/responses").hasTools(true).turn(1)
            .toolCall("read_file", "{\"path\":\"README.md\"}")
            .then().reply("The README explains the routes.").build());
        ToolSpecification readFile = ToolSpecification.builder().name("read_file").description("Reads a file")
            .parameters(JsonObjectSchema.builder().addStringProperty("path").required("path").build()).build();

        runner().withPropertyValues("openai.codex.model=gpt-4.1-mini").run(context -> {
            OpenAiResponsesChatModel codex = context.getBean(OpenAiResponsesChatModel.class);
            UserMessage question = UserMessage.from("What does the README say?");
            AiMessage call = codex.chat(ChatRequest.builder().messages(question).toolSpecifications(readFile).build())
                .aiMessage();
            assertThat(call.toolExecutionRequests()).singleElement().satisfies(request -> {
                assertThat(request.name()).isEqualTo("read_file");
                assertThat(request.arguments()).contains("README.md");
            });
            ToolExecutionResultMessage result = ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0),
                    "# openai-gateway-kit: routes per role");
            AiMessage answer = codex.chat(ChatRequest.builder().messages(question, call, result)
                .toolSpecifications(readFile).build()).aiMessage();
            assertThat(answer.text()).isEqualTo("The README explains the routes.");
        });

        Verification verify = publicProxy.verify();
        verify.toolCalled("read_file").withArguments(arguments -> arguments.path("path").asText().equals("README.md"))
            .times(1);
        verify.toolOutputSent("read_file").withArguments(output -> output.asText().contains("routes per role"))
            .times(1);
        verify.requests().path("/responses").model("gpt-4.1-mini").key(PUBLIC_KEY).times(2);
        verify.noSchemaMismatches();
    }

    @Test
    void beansAreQualifiedByRoleAndTheApplicationsOwnChatModelWins() {
        runner().withUserConfiguration(Consumer.class).run(context -> {
            Consumer consumer = context.getBean(Consumer.class);
            assertThat(consumer.plain).isSameAs(context.getBean("langchain4jOpenAiChatModel"));
            assertThat(consumer.codex).isSameAs(context.getBean("codexLangchain4jOpenAiChatModel"));
            assertThat(consumer.codexResponses).isSameAs(context.getBean("codexLangchain4jOpenAiResponsesChatModel"));
            assertThat(consumer.embeddings).isSameAs(context.getBean("langchain4jOpenAiEmbeddingModel"));
        });
        runner().withUserConfiguration(OwnChatModel.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("langchain4jOpenAiChatModel");
            assertThat(context.getBean(ChatModel.class)).isSameAs(context.getBean("myChatModel"));
        });
    }

    @Test
    void withoutLangChain4jTheBridgeAddsNothing() {
        runner().withClassLoader(new FilteredClassLoader("dev.langchain4j")).run(context -> {
            assertThat(context).hasNotFailed().hasBean("llmOpenAIClient");
            assertThat(context).doesNotHaveBean("langchain4jOpenAiChatModel").doesNotHaveBean(LangChain4jModels.class);
        });
    }

    @Test
    void anUnsupportedLangChain4jGivesOneClearMessageAndTheBridgeBacksOff(CapturedOutput output) {
        runner().withClassLoader(new FilteredClassLoader("dev.langchain4j.http.client")).run(context -> {
            assertThat(context).hasNotFailed().hasBean("llmOpenAIClient");
            assertThat(context).doesNotHaveBean(LangChain4jModels.class);
        });
        assertThat(output.getOut().lines().filter(l -> l.contains("supports LangChain4j 1.x"))).singleElement()
            .satisfies(l -> assertThat(l).contains("WARN"));
    }

    /** Streams {@code prompt}: more than one piece, which together are the final answer, echoing the prompt. */
    private static void assertStreamedInPieces(StreamingChatModel model, String prompt) throws Exception {
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(prompt, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse streamed = done.get(30, TimeUnit.SECONDS);
        assertThat(partials).hasSizeGreaterThan(1);
        assertThat(String.join("", partials)).isEqualTo(streamed.aiMessage().text()).contains(prompt);
    }

    @Configuration(proxyBeanMethods = false)
    static class Consumer {

        @Autowired
        ChatModel plain;

        @Autowired
        @GatewayClient(Role.CODEX)
        ChatModel codex;

        @Autowired
        OpenAiResponsesChatModel codexResponses;

        @Autowired
        @GatewayClient(Role.EMBEDDINGS)
        EmbeddingModel embeddings;

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChatModel {

        @Bean
        OpenAiChatModel myChatModel() {
            return OpenAiChatModel.builder().baseUrl("http://127.0.0.1:9/v1").apiKey("sk-test-own-0123456789")
                .modelName("gpt-4o-mini").build();
        }

    }

}
