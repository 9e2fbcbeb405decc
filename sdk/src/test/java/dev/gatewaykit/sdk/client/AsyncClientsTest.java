package dev.gatewaykit.sdk.client;

import com.openai.client.OpenAIClientAsync;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.failover.FailoverState;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asynchronous role clients over real HTTP: a public and an internal LiteLLM stub, each knowing only its own
 * virtual key, and a direct-provider stub for failover. What each stub received shows the route, key and gateway
 * behaviour the async calls took.
 */
class AsyncClientsTest {

    private final String publicKey = fakeKey() + "publ";
    private final String internalKey = fakeKey() + "intr";
    private final String failoverKey = fakeKey() + "dire";

    private GatewayStub publicProxy;
    private GatewayStub internalProxy;
    private GatewayStub direct;

    @BeforeEach
    void startServers() {
        publicProxy = GatewayStub.builder().mode(StubMode.LITELLM).port(0)
                .virtualKey(VirtualKey.builder(publicKey).build()).start();
        internalProxy = GatewayStub.builder().mode(StubMode.LITELLM).port(0)
                .virtualKey(VirtualKey.builder(internalKey).build()).start();
        direct = GatewayStub.builder().mode(StubMode.OPENAI).port(0).masterKey(failoverKey)
                .models("gpt-4o-mini").start();
    }

    @AfterEach
    void stopServers() {
        publicProxy.close();
        internalProxy.close();
        direct.close();
    }

    private GatewayClients clients(String... extra) {
        return clients(List.of(), extra);
    }

    private GatewayClients clients(List<String> callThreads, String... extra) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "OPENAI_BASE_URL", publicProxy.baseUrl(), "OPENAI_API_KEY", publicKey,
                "OPENAI_INTERNAL_BASE_URL", internalProxy.baseUrl(), "OPENAI_INTERNAL_API_KEY", internalKey,
                "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0", "OPENAI_HEADERS", "x-team=search"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        // Records the thread each call runs its interceptor chain on: an async call runs it on a dispatcher thread.
        return GatewayClients.builder(settings(values)).addRouteInterceptors((all, route) -> List.of(chain -> {
            if (callThreads instanceof CopyOnWriteArrayList<String> threads) {
                threads.add(Thread.currentThread().getName());
            }
            return chain.proceed(chain.request());
        })).build();
    }

    private static CompletableFuture<ChatCompletion> chat(OpenAIClientAsync client) {
        return client.chat().completions().create(ChatCompletionCreateParams.builder()
                .addUserMessage("ping").model("openai/gpt-4o-mini").build());
    }

    @Test
    void asyncChatTakesTheLlmRouteWithItsKeyAndHeadersOnTheSharedDispatcher() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (GatewayClients clients = clients(threads)) {
            ChatCompletion reply = chat(clients.llmAsync()).get(30, TimeUnit.SECONDS);

            assertThat(reply.choices()).hasSize(1);
            assertThat(reply.choices().get(0).message().content()).hasValueSatisfying(c -> assertThat(c)
                    .contains("ping"));
            // The call went through the route's OkHttp client (its interceptors ran) on the shared dispatcher.
            assertThat(threads).singleElement().satisfies(t -> assertThat(t).startsWith("OkHttp"));
            assertThat(clients.okHttpClient(Role.LLM).dispatcher())
                    .isSameAs(clients.http().okHttpClient().dispatcher());
        }
        assertThat(publicProxy.journal()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/v1/chat/completions");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.key()).isEqualTo(KeyMask.mask(publicKey));
            assertThat(e.headers()).containsEntry("x-team", "search");
        });
        assertThat(internalProxy.journal()).isEmpty();
    }

    @Test
    void asyncEmbeddingsTakeTheInternalRouteWithItsOwnKeyAndFloatEncoding() throws Exception {
        try (GatewayClients clients = clients()) {
            CreateEmbeddingResponse reply = clients.embeddingsAsync().embeddings().create(EmbeddingCreateParams
                    .builder().input("hello").model("text-embedding-3-small").build()).get(30, TimeUnit.SECONDS);
            assertThat(reply.data()).singleElement().satisfies(d -> assertThat(d.embedding()).isNotEmpty());
        }
        assertThat(internalProxy.journal()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(KeyMask.mask(internalKey));
            assertThat(e.requestBody()).contains("\"encoding_format\":\"float\"");
        });
        assertThat(publicProxy.journal()).isEmpty();
    }

    @Test
    void asyncStreamDeliversEveryChunkAndEnds() throws Exception {
        try (GatewayClients clients = clients()) {
            StringBuilder text = new StringBuilder();
            AsyncStreamResponse<ChatCompletionChunk> stream = clients.async(Role.LLM).chat().completions()
                    .createStreaming(ChatCompletionCreateParams.builder().addUserMessage("stream me please")
                            .model("openai/gpt-4o-mini").build());
            stream.subscribe(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)))
                    .onCompleteFuture().get(30, TimeUnit.SECONDS);
            assertThat(text.toString()).contains("stream me please");
        }
        assertThat(publicProxy.journal()).singleElement()
                .satisfies(e -> assertThat(e.requestBody()).contains("\"stream\":true"));
    }

    @Test
    void asyncCallsFailOverToTheDirectProviderWithItsOwnKey() throws Exception {
        publicProxy.fault(Fault.builder().path("/chat/completions").status(503).build());

        try (GatewayClients clients = clients("OPENAI_FAILOVER_ENABLED", "true",
                "OPENAI_FAILOVER_BASE_URL", direct.baseUrl(), "OPENAI_FAILOVER_API_KEY", failoverKey,
                "OPENAI_FAILOVER_FAILURE_THRESHOLD", "1")) {
            ChatCompletion first = chat(clients.llmAsync()).get(30, TimeUnit.SECONDS);
            ChatCompletion second = chat(clients.llmAsync()).get(30, TimeUnit.SECONDS);

            assertThat(first.choices()).hasSize(1);
            assertThat(second.choices()).hasSize(1);
            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(FailoverState.OPEN);
                assertThat(s.activeOrigin()).isEqualTo(direct.origin());
            });
        }
        assertThat(publicProxy.journal()).extracting(JournalEntry::status).containsExactly(503);
        assertThat(direct.journal()).hasSize(2).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(KeyMask.mask(failoverKey));
            assertThat(e.model()).isEqualTo("gpt-4o-mini");
            assertThat(e.headers().keySet()).noneMatch(h -> h.startsWith("x-litellm-"));
        });
    }

    @Test
    void theAsyncClientIsTheRolesClientViewAndIsStable() {
        try (GatewayClients clients = clients()) {
            assertThat(clients.async(Role.CODEX)).isSameAs(clients.codexAsync());
            assertThat(clients.asyncClients()).containsOnlyKeys(Role.values());
            assertThat(clients.asyncClients().get(Role.EMBEDDINGS)).isSameAs(clients.embeddingsAsync());
        }
    }
}
