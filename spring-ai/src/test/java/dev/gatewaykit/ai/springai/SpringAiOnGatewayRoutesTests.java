package dev.gatewaykit.ai.springai;

import java.util.List;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI over real HTTP through the gateway routes: the public route and the internal route are two LiteLLM
 * stubs, each knowing only its own virtual key, so each journal shows which route and key a Spring AI call took.
 */
class SpringAiOnGatewayRoutesTests {

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
        return SpringAiRunners.onRoutes(publicProxy.baseUrl(), PUBLIC_KEY, internalProxy.baseUrl(), INTERNAL_KEY)
            .withPropertyValues("openai.headers.x-team=search");
    }

    @Test
    void chatClientCallGoesThroughTheLlmRouteWithItsKeyHeadersAndModel() {
        runner().run(context -> {
            ChatClient chat = context.getBean(ChatClient.Builder.class).build();
            String answer = chat.prompt().user("where do calls go?").call().content();
            assertThat(answer).contains("where do calls go?");
        });
        assertThat(publicProxy.journal()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/v1/chat/completions");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY));
            assertThat(e.model()).isEqualTo("gpt-4o-mini");
            assertThat(e.headers()).containsEntry("x-team", "search");
        });
        assertThat(internalProxy.journal()).isEmpty();
    }

    @Test
    void chatClientStreamGoesThroughTheLlmRouteAndDeliversTheWholeText() {
        runner().run(context -> {
            ChatClient chat = context.getBean(ChatClient.Builder.class).build();
            List<String> parts = chat.prompt().user("stream through the gateway please").stream().content()
                .collectList().block(java.time.Duration.ofSeconds(30));
            assertThat(parts).hasSizeGreaterThan(1);
            assertThat(String.join("", parts)).contains("stream through the gateway please");
        });
        assertThat(publicProxy.journal()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY));
            assertThat(e.requestBody()).contains("\"stream\":true");
        });
        assertThat(internalProxy.journal()).isEmpty();
    }

    @Test
    void embeddingsGoThroughTheInternalRouteAndEachStubSeesOnlyItsOwnKey() {
        runner().run(context -> {
            EmbeddingResponse response = context.getBean(EmbeddingModel.class)
                .embedForResponse(List.of("first text", "second text"));
            assertThat(response.getResults()).hasSize(2)
                .allSatisfy(r -> assertThat(r.getOutput()).isNotEmpty());
            // And a chat call beside it, so both stubs have traffic to compare.
            context.getBean(ChatModel.class).call("hello");
        });
        assertThat(internalProxy.journal()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/v1/embeddings");
            assertThat(e.key()).isEqualTo(KeyMask.mask(INTERNAL_KEY));
            assertThat(e.model()).isEqualTo("text-embedding-3-small");
            assertThat(e.requestBody()).contains("\"encoding_format\":\"float\"");
        });
        assertThat(publicProxy.journal()).singleElement()
            .satisfies(e -> assertThat(e.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY)));
        assertThat(internalProxy.journal()).noneMatch(e -> KeyMask.mask(PUBLIC_KEY).equals(e.key()));
        assertThat(publicProxy.journal()).noneMatch(e -> KeyMask.mask(INTERNAL_KEY).equals(e.key()));
    }

    @Test
    void theCodexChatModelGoesThroughTheCodexRoute() {
        GatewayStub codexProxy = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start();
        try (codexProxy) {
            runner().withPropertyValues("openai.codex.base-url=" + codexProxy.baseUrl(),
                    "openai.codex.api-key=sk-test-codex-0123456789code")
                .run(context -> context.getBean("codexOpenAiChatModel", ChatModel.class).call("write a test"));
            assertThat(codexProxy.journal()).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("/v1/chat/completions");
                assertThat(e.model()).isEqualTo("gpt-4.1-mini");
                assertThat(e.key()).isEqualTo(KeyMask.mask("sk-test-codex-0123456789code"));
            });
            assertThat(publicProxy.journal()).isEmpty();
        }
    }
}
