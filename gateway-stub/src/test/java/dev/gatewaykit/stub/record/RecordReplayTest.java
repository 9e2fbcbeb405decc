package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ToolChoiceOptions;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record through the stub against a second stub as the real gateway, stop it, replay: the client sees the same
 * (keys in replies are the exception: fixtures keep them redacted).
 */
class RecordReplayTest {

    /** Tool arguments. */
    public record ReadFile(String path) {
    }

    @TempDir
    Path dir;

    private static final String KEY = "sk-planted-" + "0123456789abcdefghij";

    /** Everything the client observed, in comparable form. */
    private record Observed(ChatCompletion plain, List<ChatCompletionChunk> chunks, List<ResponseStreamEvent> events) {
    }

    private static Observed exercise(GatewayStub stub) {
        return exercise(stub, "hello there");
    }

    private static Observed exercise(GatewayStub stub, String prompt) {
        OpenAIClient client = Clients.openAi(stub, KEY);
        ChatCompletion plain = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage(prompt).build());
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("read it")
                        .addTool(ReadFile.class)
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            s.stream().forEach(chunks::add);
        }
        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> s = client.responses().createStreaming(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("read the file").addTool(ReadFile.class)
                .toolChoice(ToolChoiceOptions.REQUIRED).build())) {
            s.stream().forEach(events::add);
        }
        return new Observed(plain, chunks, events);
    }

    private static String allFixtures(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    @Test
    void recordedExchangesReplayIdenticallyStreamsIncludedAfterTheUpstreamStops() throws IOException {
        Observed recorded;
        try (GatewayStub upstream = GatewayStub.builder().mode(StubMode.OPENAI)
                .script(Script.builder().contains("read it").reply("Reading ").toolCall("ReadFile",
                        "{\"path\":\"README.md\"}").build()).start();
             GatewayStub recorder = GatewayStub.builder().record(dir, upstream.baseUrl()).start()) {
            recorded = exercise(recorder);
            assertThat(upstream.journal()).hasSize(3);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "0001-chat-completions-gpt-4o-mini.json", "0002-chat-completions-gpt-4o-mini.json",
                    "0003-responses-gpt-4o-mini.json");
        }
        JsonNode streamed = RawHttp.json(Files.readString(dir.resolve("0002-chat-completions-gpt-4o-mini.json")));
        assertThat(streamed.at("/response/events").size()).isGreaterThan(5);
        assertThat(streamed.at("/response/events/" + (streamed.at("/response/events").size() - 1) + "/data").asText())
                .isEqualTo("[DONE]");

        Observed replayed;
        try (GatewayStub replayer = GatewayStub.builder().replay(dir).start()) {
            replayed = exercise(replayer);
        }
        assertThat(replayed.plain()).isEqualTo(recorded.plain());
        assertThat(replayed.chunks()).isEqualTo(recorded.chunks());
        assertThat(replayed.events()).isEqualTo(recorded.events());
        assertThat(replayed.chunks().stream().filter(c -> !c.choices().isEmpty())
                .flatMap(c -> c.choices().get(0).delta().toolCalls().orElse(List.of()).stream())).isNotEmpty();
    }

    @Test
    void fixturesNeverContainAKeyFromHeadersBodiesOrReplies() throws IOException {
        try (GatewayStub upstream = GatewayStub.builder().mode(StubMode.OPENAI).start();
             GatewayStub recorder = GatewayStub.builder().record(dir, upstream.baseUrl()).start()) {
            exercise(recorder, "hello, my token is sk-test-bodysecret-abcdefghijklmnop");
            RawHttp.post(recorder.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"api_key\":\"plain-secret-1234\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "Authorization", "Bearer " + KEY,
                    "x-portkey-api-key", "pk-portkey-secret-abcdefgh");
        }
        String fixtures = allFixtures(dir);
        assertThat(fixtures).doesNotContain(KEY).doesNotContain("sk-test-bodysecret-abcdefghijklmnop")
                .doesNotContain("plain-secret-1234").doesNotContain("pk-portkey-secret-abcdefgh")
                .doesNotContain("sk-pla").doesNotContain("ghij\"").contains(Redactor.REDACTED);
    }

    @Test
    void aMissNamesTheClosestFixtureAndHowItDiffers() throws IOException {
        try (GatewayStub upstream = GatewayStub.builder().mode(StubMode.OPENAI).start();
             GatewayStub recorder = GatewayStub.builder().record(dir, upstream.baseUrl()).start()) {
            RawHttp.post(recorder.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hello"));
        }
        try (GatewayStub replayer = GatewayStub.builder().replay(dir).start()) {
            OpenAIClient client = Clients.openAi(replayer, KEY);
            assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini").addUserMessage("hullo").build()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("Closest: 0001-chat-completions-gpt-4o-mini.json")
                    .hasMessageContaining("body $.messages[0].content: recorded \"hello\", request \"hullo\"");
        }
        try (GatewayStub lenient = GatewayStub.builder().replay(dir).replayMatcher(new ReplayMatcher(
                java.util.EnumSet.of(ReplayMatcher.Part.METHOD, ReplayMatcher.Part.PATH, ReplayMatcher.Part.MODEL),
                java.util.Set.of())).start()) {
            assertThat(RawHttp.post(lenient.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "anything"))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void upstreamDownIsA502InTheGatewayShapeAndWritesNothing() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (GatewayStub recorder = GatewayStub.builder().mode(StubMode.LITELLM)
                .record(dir, "http://127.0.0.1:" + closedPort).start()) {
            var r = RawHttp.post(recorder.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"),
                    "Authorization", "Bearer " + KEY);
            assertThat(r.statusCode()).isEqualTo(502);
            JsonNode error = RawHttp.json(r).get("error");
            assertThat(error.get("message").asText()).contains("cannot be reached").contains("Nothing was recorded")
                    .doesNotContain(KEY);
            assertThat(error.has("type")).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCorruptFixtureOrMissingDirectoryIsAStartupErrorNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("0001-bad.json"), "{\n  \"request\": {\"method\": \"POST\",\n  oops\n}\n");
        assertThatThrownBy(() -> GatewayStub.builder().replay(dir).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0001-bad.json line 3");
        assertThatThrownBy(() -> GatewayStub.builder().replay(dir.resolve("missing")).start())
                .hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("0001-bad.json"), "{\"request\":{\"method\":\"POST\"},\"response\":{\"status\":200,\"body\":{}}}");
        assertThatThrownBy(() -> GatewayStub.builder().replay(dir).start())
                .hasMessageContaining("0001-bad.json: 'request.path' must be a string");
    }
}
