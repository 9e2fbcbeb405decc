package dev.gatewaykit.sdk.metrics;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gateway calls as Micrometer observations, over real HTTP against a LiteLLM stub. */
class GatewayObservationsTest {

    private final String key = fakeKey() + "obsv";

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private GatewayStub stub;

    private GatewayClients clients;

    @BeforeEach
    void start() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).price("gpt-4o-mini", 150.0, 600.0)
                .virtualKey(VirtualKey.builder(key).build()).start();
        clients = GatewayClients.builder(settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_API_KEY", key,
                        "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0")))
                .addRouteInterceptors(GatewayObservations.routeInterceptors(registry)).build();
    }

    @AfterEach
    void stop() {
        clients.close();
        stub.close();
    }

    private static ChatCompletionCreateParams chat(String prompt) {
        return ChatCompletionCreateParams.builder().addUserMessage(prompt).model("gpt-4o-mini").build();
    }

    private final List<GatewayCallContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void collectContexts() {
        registry.observationConfig().observationHandler(new ObservationHandler<GatewayCallContext>() {
            @Override
            public void onStart(GatewayCallContext context) {
                contexts.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof GatewayCallContext;
            }
        });
    }

    private GatewayCallContext onlyContext() {
        assertThat(contexts).hasSize(1);
        return contexts.get(0);
    }

    @Test
    void aChatCallIsOneStoppedObservationWithTheGenAiAttributesRequestIdCostAndUsage() {
        ChatCompletion reply = clients.llm().chat().completions().create(chat("observe me"));

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasBeenStarted().hasBeenStopped()
                .hasNameEqualTo(GatewayCallObservationConvention.NAME)
                .hasContextualNameEqualTo("chat gpt-4o-mini")
                .hasLowCardinalityKeyValue(MetricNames.OPERATION_NAME, "chat")
                .hasLowCardinalityKeyValue(MetricNames.REQUEST_MODEL, "gpt-4o-mini")
                .hasLowCardinalityKeyValue(MetricNames.SERVER_ADDRESS, stub.host())
                .hasLowCardinalityKeyValue(MetricNames.ERROR_TYPE, MetricNames.NO_ERROR)
                .hasLowCardinalityKeyValue(MetricNames.GATEWAY_ROLE, "llm")
                .hasLowCardinalityKeyValue(MetricNames.GATEWAY_KIND, "litellm")
                .hasHighCardinalityKeyValue(GatewayCallObservationConvention.INPUT_TOKENS,
                        String.valueOf(reply.usage().orElseThrow().promptTokens()))
                .hasHighCardinalityKeyValue(GatewayCallObservationConvention.OUTPUT_TOKENS,
                        String.valueOf(reply.usage().orElseThrow().completionTokens()));
        GatewayCallContext context = onlyContext();
        assertThat(context.gatewayRequestId()).isNotBlank();
        assertThat(context.cost()).isPositive();
        assertThat(context.getResponse()).isNotNull();
    }

    @Test
    void aStreamedCallEndsItsObservationAtStreamEndWithTheFinalUsage() {
        try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions()
                .createStreaming(chat("a streamed reply to observe").toBuilder()
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            // Headers are in, the body is not read yet: the observation is still open.
            TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasBeenStarted().isNotStopped();
            assertThat(stream.stream().count()).isGreaterThan(1);
        }
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasBeenStopped()
                .hasLowCardinalityKeyValue(MetricNames.ERROR_TYPE, MetricNames.NO_ERROR);
        assertThat(onlyContext().outputTokens()).isPositive();
    }

    @Test
    void aCallInsideAnotherObservationIsItsChild() {
        Observation model = Observation.createNotStarted("gen_ai.client.operation", registry);
        model.observe(() -> clients.llm().chat().completions().create(chat("child")));

        assertThat(onlyContext().getParentObservation()).isSameAs(model);
    }

    @Test
    void aFailedCallRecordsTheStatusAsItsErrorType() {
        stub.fault(Fault.builder().path("/embeddings").status(503).build());

        assertThatThrownBy(() -> clients.embeddings().embeddings().create(EmbeddingCreateParams.builder()
                .input("x").model("text-embedding-3-small").build())).isInstanceOf(OpenAIServiceException.class);

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasBeenStopped()
                .hasLowCardinalityKeyValue(MetricNames.OPERATION_NAME, "embeddings")
                .hasLowCardinalityKeyValue(MetricNames.GATEWAY_ROLE, "embeddings")
                .hasLowCardinalityKeyValue(MetricNames.ERROR_TYPE, "503");
    }

    @Test
    void aTracingHandlerCanPropagateIntoTheRequestHeaders() {
        registry.observationConfig().observationHandler(new ObservationHandler<GatewayCallContext>() {
            @Override
            public void onStart(GatewayCallContext context) {
                context.getSetter().set(context.getCarrier(), "traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof GatewayCallContext;
            }
        });

        clients.llm().chat().completions().create(chat("traced"));

        List<JournalEntry> journal = stub.journal();
        assertThat(journal).singleElement().satisfies(e -> assertThat(e.headers())
                .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    }
}
