package dev.gatewaykit.stub.agent;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.scripting.StreamError;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams that fail the way gateways fail, seen raw and through openai-java. */
@GatewayStubTest(mode = StubMode.LITELLM)
class StreamFaultsTest {

    private static final String TOOL_STREAM = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"weather\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}]}";

    private final GatewayStub stub;
    private final OpenAIClient client;

    StreamFaultsTest(GatewayStub stub) {
        this.stub = stub;
        this.client = Clients.openAi(stub, Clients.fakeKey());
    }

    @Test
    void chatStreamEndsWithAnErrorEventAndNoDone() {
        stub.fault(Fault.builder().path("/chat/completions")
                .streamError(new StreamError(2, "Upstream overloaded", "server_error", "503", null)).times(1).build());

        HttpResponse<String> raw = RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\","
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"one two three four\"}]}");

        List<String> events = List.of(raw.body().split("\n\n"));
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isEqualTo("data: {\"error\":{\"message\":\"Upstream overloaded\",\"type\":"
                + "\"server_error\",\"param\":null,\"code\":\"503\"}}");
        assertThat(raw.body()).doesNotContain("[DONE]");
        assertThat(stub.journal()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void openAiJavaSurfacesTheMidStreamErrorAfterTheFirstChunks() {
        stub.fault(Fault.builder().streamError(new StreamError(2, "Upstream overloaded", null, null, null)).build());
        List<ChatCompletionChunk> seen = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("a b c d").build())) {
                s.stream().forEach(seen::add);
            }
        }).hasMessageContaining("Upstream overloaded");
        assertThat(seen).hasSize(2);
    }

    @Test
    void responsesStreamEndsInResponseFailed() {
        stub.fault(Fault.builder().path("/responses").streamError(new StreamError(3, "Model crashed", null, "server_error",
                "response.failed")).build());
        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> s = client.responses().createStreaming(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("hello there").build())) {
            s.stream().forEach(events::add);
        }
        assertThat(events).hasSize(4);
        ResponseStreamEvent last = events.get(3);
        assertThat(last.isFailed()).isTrue();
        assertThat(last.asFailed().response().error().orElseThrow().message()).isEqualTo("Model crashed");
        assertThat(last.asFailed().sequenceNumber()).isEqualTo(3);
        assertThat(events).noneMatch(ResponseStreamEvent::isCompleted);
    }

    @Test
    void responsesStreamEndsInAnErrorEvent() {
        stub.fault(Fault.builder().path("/responses").streamError(new StreamError(1, "rate limited", null,
                "rate_limit_exceeded", "error")).build());

        HttpResponse<String> raw = RawHttp.post(stub.baseUrl() + "/responses",
                "{\"model\":\"gpt-4o-mini\",\"input\":\"x\",\"stream\":true}");

        assertThat(raw.body()).endsWith("event: error\ndata: {\"type\":\"error\",\"sequence_number\":1,\"code\":"
                + "\"rate_limit_exceeded\",\"message\":\"rate limited\",\"param\":null}\n\n");
        assertThat(raw.body()).doesNotContain("response.completed");
    }

    @Test
    void toolCallStreamCutInsideTheArguments() {
        stub.script(Script.builder().toolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}").build());
        // Event 1 opens the message, 2 opens the call, 3.. carry the arguments: cut after the first piece.
        stub.fault(Fault.builder().cutStreamAfterEvents(3).build());

        String body = readUntilCut(stub.baseUrl() + "/chat/completions", TOOL_STREAM);

        assertThat(body).contains("\"name\":\"get_weather\"").contains("\"arguments\":\"{\\\"city\\\"");
        assertThat(body).doesNotContain("Paris").doesNotContain("finish_reason\":\"tool_calls").doesNotContain("[DONE]");
    }

    /**
     * The bytes a client got before the connection was cut, read from a plain socket: HttpClient may report the
     * cut before handing over the events that arrived ahead of it.
     */
    private String readUntilCut(String url, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try (java.net.Socket socket = new java.net.Socket(stub.host(), stub.port())) {
            socket.setSoTimeout(20_000);
            String head = "POST " + java.net.URI.create(url).getPath() + " HTTP/1.1\r\nHost: " + stub.host() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            int n;
            while ((n = in.read(buffer)) > 0) {
                got.write(buffer, 0, n);
            }
        } catch (java.io.IOException cut) {
            // A reset after the last bytes is one way a cut looks; what arrived is in 'got'.
        }
        String text = got.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).as("no chunked terminator: the stream was cut").doesNotContain("\r\n0\r\n\r\n");
        return text;
    }

    @Test
    void streamErrorFaultsAreReadFromJson() {
        var added = RawHttp.post(stub.origin() + "/__stub/faults", "{\"match\":{\"path\":\"/chat/completions\"},"
                + "\"streamError\":{\"afterEvents\":0,\"message\":\"boom\"}}");
        assertThat(added.statusCode()).isEqualTo(200);
        HttpResponse<String> raw = RawHttp.post(stub.baseUrl() + "/chat/completions", TOOL_STREAM);
        assertThat(raw.body()).startsWith("data: {\"error\":{\"message\":\"boom\"");

        var bad = RawHttp.post(stub.origin() + "/__stub/faults", "{\"streamError\":{\"afterEvents\":-1}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(bad).at("/error/message").asText()).contains("afterEvents must be >= 0");
    }
}
