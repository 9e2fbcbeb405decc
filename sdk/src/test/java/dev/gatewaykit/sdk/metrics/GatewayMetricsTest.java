package dev.gatewaykit.sdk.metrics;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.gatewaykit.sdk.testing.Fixtures.closedPort;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Real HTTP against the LiteLLM-mode gateway stub: what each kind of call leaves in a {@link SimpleMeterRegistry}. */
class GatewayMetricsTest {

    private static final String CHAT_MODEL = "openai/gpt-4o-mini";
    private static final String CODEX_MODEL = "openai/gpt-5-codex";
    private static final String EMBEDDING_MODEL = "openai/text-embedding-3-small";

    private static GatewayStub stub;
    private SimpleMeterRegistry registry;
    private GatewayClients clients;

    @BeforeAll
    static void startStub() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0)
                .models(CHAT_MODEL, CODEX_MODEL, EMBEDDING_MODEL).start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void clients() {
        stub.reset();
        registry = new SimpleMeterRegistry();
        clients = metered(stub.baseUrl(), fakeKey(), 0);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private GatewayClients metered(String baseUrl, String key, int maxRetries) {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", key,
                "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", String.valueOf(maxRetries)));
        return GatewayClients.builder(settings).addRouteInterceptors(GatewayMetrics.routeInterceptors(registry)).build();
    }

    // --- chat -------------------------------------------------------------------------------------------------

    @Test
    void chatCallRecordsDurationTokensAndCostUnderTheOtelNames() {
        HttpResponseFor<ChatCompletion> raw = clients.llm().chat().completions().withRawResponse()
                .create(chatParams("say hello to the meters"));
        ChatCompletion completion = raw.parse();
        double headerCost = Double.parseDouble(raw.headers().values("x-litellm-response-cost").get(0));

        Map<String, String> tags = tags("chat", CHAT_MODEL, "llm");
        Timer timer = registry.get(MetricNames.OPERATION_DURATION).tags(flat(tags, "error.type", "none")).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(tokens(tags, "none", "input").totalAmount()).isEqualTo(usage.promptTokens());
        assertThat(tokens(tags, "none", "output").totalAmount()).isEqualTo(usage.completionTokens());
        assertThat(usage.promptTokens()).isPositive();
        Counter cost = registry.get(MetricNames.COST).tags(flat(tags)).counter();
        assertThat(headerCost).isPositive();
        assertThat(cost.count()).isCloseTo(headerCost, within(1e-12));
    }

    @Test
    void everyMeterCarriesExactlyTheDocumentedTagKeys() {
        clients.llm().chat().completions().create(chatParams("tag keys"));

        Set<String> callKeys = Set.of("gen_ai.operation.name", "gen_ai.request.model", "server.address",
                "error.type", "gateway.role", "gateway.kind");
        assertThat(keys(registry.get(MetricNames.OPERATION_DURATION).meter())).isEqualTo(callKeys);
        for (Meter summary : registry.get(MetricNames.TOKEN_USAGE).meters()) {
            assertThat(keys(summary)).isEqualTo(union(callKeys, "gen_ai.token.type"));
        }
        assertThat(keys(registry.get(MetricNames.COST).meter())).isEqualTo(Set.of("gen_ai.operation.name",
                "gen_ai.request.model", "server.address", "gateway.role", "gateway.kind"));
        assertThat(registry.get(MetricNames.TOKEN_USAGE).meters()).extracting(m -> m.getId().getTag("gen_ai.token.type"))
                .containsExactlyInAnyOrder("input", "output");
        assertThat(registry.get(MetricNames.TOKEN_USAGE).summary().getId().getBaseUnit()).isEqualTo("tokens");
        assertThat(registry.get(MetricNames.COST).counter().getId().getBaseUnit()).isEqualTo("usd");
    }

    @Test
    void streamedChatIsTimedAtStreamEndAndCountsTheUsageChunk() {
        ChatCompletionCreateParams params = chatParams("stream me some words please").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        Map<String, String> tags = tags("chat", CHAT_MODEL, "llm");
        try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(params)) {
            // The call has answered (headers are in), but the stream is not read yet: nothing recorded so far.
            assertThat(durationCount(tags, "none")).isZero();
            stream.stream().forEach(chunks::add);
        }

        assertThat(durationCount(tags, "none")).isEqualTo(1);
        CompletionUsage usage = chunks.stream().map(ChatCompletionChunk::usage).flatMap(Optional::stream)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(chunks.size()).isGreaterThan(2);
        assertThat(tokens(tags, "none", "input").totalAmount()).isEqualTo(usage.promptTokens());
        assertThat(tokens(tags, "none", "output").totalAmount()).isEqualTo(usage.completionTokens());
        assertThat(tokens(tags, "none", "output").count()).isEqualTo(1);
    }

    @Test
    void streamedChatWithoutIncludeUsageIsTimedButCountsNoTokens() {
        try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions()
                .createStreaming(chatParams("no usage chunk here"))) {
            assertThat(stream.stream().count()).isGreaterThan(2);
        }

        assertThat(durationCount(tags("chat", CHAT_MODEL, "llm"), "none")).isEqualTo(1);
        assertThat(registry.find(MetricNames.TOKEN_USAGE).meters()).isEmpty();
    }

    @Test
    void streamCutByTheServerIsRecordedOnceWithTheReadError() {
        stub.fault(Fault.builder().path("/chat/completions").cutStreamAfterEvents(2).times(1).build());
        ChatCompletionCreateParams params = chatParams("this stream will be cut short").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions()
                    .createStreaming(params)) {
                stream.stream().forEach(chunk -> { });
            }
        }).isInstanceOf(OpenAIIoException.class);

        Timer timer = registry.get(MetricNames.OPERATION_DURATION).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag("error.type")).isNotEqualTo("none").isNotEqualTo("cancelled")
                .isIn("ProtocolException", "EOFException", "IOException");
        assertThat(registry.find(MetricNames.TOKEN_USAGE).meters()).isEmpty();
    }

    @Test
    void streamClosedByTheCallerBeforeItsEndIsRecordedAsCancelled() {
        try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions()
                .createStreaming(chatParams("a long answer that the caller abandons after one chunk"))) {
            assertThat(stream.stream().findFirst()).isPresent();
        }

        assertThat(durationCount(tags("chat", CHAT_MODEL, "llm"), "cancelled")).isEqualTo(1);
        assertThat(registry.get(MetricNames.OPERATION_DURATION).timers()).hasSize(1);
    }

    // --- embeddings ---------------------------------------------------------------------------------------------

    @Test
    void embeddingsRecordInputTokensOnly() {
        CreateEmbeddingResponse response = clients.embeddings().embeddings().create(EmbeddingCreateParams.builder()
                .model(EMBEDDING_MODEL).inputOfArrayOfStrings(List.of("first text to embed", "second one")).build());

        Map<String, String> tags = tags("embeddings", EMBEDDING_MODEL, "embeddings");
        assertThat(durationCount(tags, "none")).isEqualTo(1);
        assertThat(tokens(tags, "none", "input").totalAmount()).isEqualTo(response.usage().promptTokens());
        assertThat(response.usage().promptTokens()).isPositive();
        assertThat(registry.find(MetricNames.TOKEN_USAGE).tag("gen_ai.token.type", "output").meters()).isEmpty();
    }

    // --- responses ------------------------------------------------------------------------------------------------

    @Test
    void responsesCallIsAChatOperationOfTheCodexRole() {
        Response response = clients.codex().responses().create(ResponseCreateParams.builder()
                .model(CODEX_MODEL).input("write a unit test").build());

        Map<String, String> tags = tags("chat", CODEX_MODEL, "codex");
        assertThat(durationCount(tags, "none")).isEqualTo(1);
        ResponseUsage usage = response.usage().orElseThrow();
        assertThat(tokens(tags, "none", "input").totalAmount()).isEqualTo(usage.inputTokens());
        assertThat(tokens(tags, "none", "output").totalAmount()).isEqualTo(usage.outputTokens());
    }

    @Test
    void streamedResponsesCountTheCompletedEventAtStreamEnd() {
        List<ResponseStreamEvent> events = new ArrayList<>();
        Map<String, String> tags = tags("chat", CODEX_MODEL, "codex");
        try (StreamResponse<ResponseStreamEvent> stream = clients.codex().responses().createStreaming(
                ResponseCreateParams.builder().model(CODEX_MODEL).input("stream a function").build())) {
            assertThat(durationCount(tags, "none")).isZero();
            stream.stream().forEach(events::add);
        }

        assertThat(durationCount(tags, "none")).isEqualTo(1);
        ResponseUsage usage = events.stream().map(ResponseStreamEvent::completed).flatMap(Optional::stream)
                .findFirst().orElseThrow().response().usage().orElseThrow();
        assertThat(tokens(tags, "none", "input").totalAmount()).isEqualTo(usage.inputTokens());
        assertThat(tokens(tags, "none", "output").totalAmount()).isEqualTo(usage.outputTokens());
    }

    // --- errors ---------------------------------------------------------------------------------------------------

    @Test
    void unknownVirtualKeyIsRecordedAs401() {
        try (GatewayStub keyed = GatewayStub.builder().mode(StubMode.LITELLM).port(0).models(CHAT_MODEL)
                .virtualKey(VirtualKey.builder(fakeKey()).build()).start();
             GatewayClients wrongKey = metered(keyed.baseUrl(), fakeKey(), 0)) {
            assertThatThrownBy(() -> wrongKey.llm().chat().completions().create(chatParams("who am I")))
                    .isInstanceOf(UnauthorizedException.class);
        }

        assertThat(durationCount(tags("chat", CHAT_MODEL, "llm"), "401")).isEqualTo(1);
        assertThat(registry.find(MetricNames.TOKEN_USAGE).meters()).isEmpty();
    }

    @Test
    void rateLimitIsRecordedAs429OncePerAttempt() {
        stub.fault(Fault.builder().path("/chat/completions").status(429).header("retry-after-ms", "1").times(3)
                .build());
        try (GatewayClients retrying = metered(stub.baseUrl(), fakeKey(), 2)) {
            assertThatThrownBy(() -> retrying.llm().chat().completions().create(chatParams("too fast")))
                    .isInstanceOf(RateLimitException.class);
        }

        // openai-java retries 429 twice: three HTTP attempts, three measurements.
        assertThat(durationCount(tags("chat", CHAT_MODEL, "llm"), "429")).isEqualTo(3);
    }

    @Test
    void connectionRefusedIsRecordedWithTheExceptionNameAndTheModel() {
        try (GatewayClients down = metered("http://127.0.0.1:" + closedPort() + "/v1", fakeKey(), 0)) {
            assertThatThrownBy(() -> down.llm().chat().completions().create(chatParams("anyone there")))
                    .isInstanceOf(OpenAIIoException.class);
        }

        Map<String, String> tags = tags("chat", CHAT_MODEL, "llm");
        assertThat(durationCount(tags, "ConnectException")).isEqualTo(1);
    }

    // --- cost -----------------------------------------------------------------------------------------------------

    @Test
    void costCounterSumsTheGatewayReportedCostHeaders() {
        double headers = 0;
        for (String prompt : List.of("one", "a somewhat longer second prompt", "three three three three three")) {
            HttpResponseFor<ChatCompletion> raw = clients.llm().chat().completions().withRawResponse()
                    .create(chatParams(prompt));
            raw.parse();
            headers += Double.parseDouble(raw.headers().values("x-litellm-response-cost").get(0));
        }
        HttpResponseFor<CreateEmbeddingResponse> embedding = clients.embeddings().embeddings().withRawResponse()
                .create(EmbeddingCreateParams.builder().model(EMBEDDING_MODEL).input("cost of embeddings").build());
        embedding.parse();
        double embeddingCost = Double.parseDouble(embedding.headers().values("x-litellm-response-cost").get(0));

        assertThat(registry.get(MetricNames.COST).tags(flat(tags("chat", CHAT_MODEL, "llm"))).counter().count())
                .isCloseTo(headers, within(1e-12));
        assertThat(registry.get(MetricNames.COST).tag("gateway.role", "embeddings").counter().count())
                .isCloseTo(embeddingCost, within(1e-12));
        assertThat(headers).isPositive();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static ChatCompletionCreateParams chatParams(String prompt) {
        return ChatCompletionCreateParams.builder().model(CHAT_MODEL).addUserMessage(prompt).build();
    }

    /** The call tags every meter shares (without error.type / token type). */
    private static Map<String, String> tags(String operation, String model, String role) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("gen_ai.operation.name", operation);
        tags.put("gen_ai.request.model", model);
        tags.put("server.address", "127.0.0.1");
        tags.put("gateway.role", role);
        tags.put("gateway.kind", "litellm");
        return tags;
    }

    private long durationCount(Map<String, String> tags, String errorType) {
        Timer timer = registry.find(MetricNames.OPERATION_DURATION).tags(flat(tags, "error.type", errorType)).timer();
        return timer == null ? 0 : timer.count();
    }

    private DistributionSummary tokens(Map<String, String> tags, String errorType, String type) {
        return registry.get(MetricNames.TOKEN_USAGE)
                .tags(flat(tags, "error.type", errorType, "gen_ai.token.type", type)).summary();
    }

    private static String[] flat(Map<String, String> tags, String... more) {
        List<String> all = new ArrayList<>();
        tags.forEach((k, v) -> {
            all.add(k);
            all.add(v);
        });
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static Set<String> keys(Meter meter) {
        return meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> keys, String key) {
        Set<String> all = new HashSet<>(keys);
        all.add(key);
        return all;
    }
}
