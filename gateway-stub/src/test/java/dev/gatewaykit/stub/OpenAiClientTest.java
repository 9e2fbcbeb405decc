package dev.gatewaykit.stub;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.errors.NotFoundException;
import dev.gatewaykit.stub.endpoints.EmbeddingVectors;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.Clients;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every endpoint through the real openai-java client, plain and streaming. */
@GatewayStubTest(mode = StubMode.LITELLM)
class OpenAiClientTest {

    private final GatewayStub stub;
    private final OpenAIClient client;

    OpenAiClientTest(GatewayStub stub) {
        this.stub = stub;
        this.client = Clients.openAi(stub, Clients.fakeKey());
    }

    @Test
    void chatCompletionEchoesThePromptWithDeterministicUsage() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("hello stub").build());

        assertThat(completion.choices().get(0).message().content()).contains("Echo: hello stub");
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(4); // 16 chars / 4
        assertThat(completion.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void chatStreamingDeliversChunksAndUsageOnlyWhenAsked() {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("one two three");
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params.build())) {
            stream.stream().forEach(chunks::add);
        }
        assertThat(text(chunks)).isEqualTo("Echo: one two three");
        assertThat(chunks).allSatisfy(c -> assertThat(c.usage()).isEmpty());

        List<ChatCompletionChunk> withUsage = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(withUsage::add);
        }
        assertThat(text(withUsage)).isEqualTo("Echo: one two three");
        ChatCompletionChunk last = withUsage.get(withUsage.size() - 1);
        assertThat(last.usage()).isPresent();
        assertThat(last.choices()).isEmpty();
        assertThat(withUsage.subList(0, withUsage.size() - 1)).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    }

    @Test
    void legacyCompletionsPlainAndStreaming() {
        CompletionCreateParams params = CompletionCreateParams.builder()
                .model("gpt-3.5-turbo-instruct").prompt("say hi").build();
        Completion completion = client.completions().create(params);
        assertThat(completion.choices().get(0).text()).isEqualTo("Echo: say hi");

        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<Completion> stream = client.completions().createStreaming(params)) {
            stream.stream().forEach(c -> c.choices().forEach(ch -> streamed.append(ch.text())));
        }
        assertThat(streamed).hasToString("Echo: say hi");
    }

    @Test
    void embeddingsInFloatAndInTheClientsDefaultBase64AreTheSameVector() {
        EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").input("the same text").dimensions(16);
        CreateEmbeddingResponse asFloat = client.embeddings().create(params
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
        CreateEmbeddingResponse asBase64 = client.embeddings().create(params
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build());

        List<Float> floats = asFloat.data().get(0).embedding();
        assertThat(floats).hasSize(16);
        assertThat(asBase64.data().get(0).embedding()).isEqualTo(floats);
        float[] expected = EmbeddingVectors.vector("the same text", 16);
        for (int i = 0; i < expected.length; i++) {
            assertThat(floats.get(i)).isEqualTo(expected[i]);
        }
        double norm = Math.sqrt(floats.stream().mapToDouble(f -> f * f).sum());
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void embeddingsOfSeveralInputsKeepOrderAndDiffer() {
        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-3-small").inputOfArrayOfStrings(List.of("alpha", "beta"))
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(0).embedding()).hasSize(1536);
        assertThat(response.data().get(0).embedding()).isNotEqualTo(response.data().get(1).embedding());
    }

    @Test
    void responsesPlain() {
        Response response = client.responses().create(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("write code").build());
        String text = response.output().get(0).asMessage().content().get(0).asOutputText().text();
        assertThat(text).isEqualTo("Echo: write code");
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(4);
    }

    @Test
    void responsesStreamingEventsArriveInSpecOrder() {
        List<String> kinds = new ArrayList<>();
        StringBuilder deltas = new StringBuilder();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("a b").build())) {
            stream.stream().forEach(e -> {
                kinds.add(kind(e));
                e.outputTextDelta().ifPresent(d -> deltas.append(d.delta()));
            });
        }
        assertThat(kinds).containsExactly("created", "in_progress", "output_item.added", "content_part.added",
                "output_text.delta", "output_text.delta", "output_text.delta", "output_text.done",
                "content_part.done", "output_item.done", "completed");
        assertThat(deltas).hasToString("Echo: a b");
    }

    @Test
    void modelsListAndRetrieve() {
        List<String> ids = client.models().list().data().stream().map(Model::id).collect(Collectors.toList());
        assertThat(ids).contains("gpt-4o-mini", "text-embedding-3-small");
        assertThat(client.models().retrieve("gpt-4o").id()).isEqualTo("gpt-4o");
        assertThatThrownBy(() -> client.models().retrieve("no-such-model")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void journalSeesTheClientsCalls() {
        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("journal me").build());
        assertThat(stub.journal()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/v1/chat/completions");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.model()).isEqualTo("gpt-4o-mini");
            assertThat(e.key()).startsWith("sk-...").hasSize(10);
        });
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(c -> c.choices().stream())
                .map(ch -> ch.delta().content().orElse("")).collect(Collectors.joining());
    }

    private static String kind(ResponseStreamEvent e) {
        if (e.isCreated()) return "created";
        if (e.isInProgress()) return "in_progress";
        if (e.isOutputItemAdded()) return "output_item.added";
        if (e.isContentPartAdded()) return "content_part.added";
        if (e.isOutputTextDelta()) return "output_text.delta";
        if (e.isOutputTextDone()) return "output_text.done";
        if (e.isContentPartDone()) return "content_part.done";
        if (e.isOutputItemDone()) return "output_item.done";
        if (e.isCompleted()) return "completed";
        return "other";
    }
}
