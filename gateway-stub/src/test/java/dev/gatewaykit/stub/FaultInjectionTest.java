package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import dev.gatewaykit.stub.support.RawSocket;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Each fault kind, through the admin API and the Java API. */
@GatewayStubTest(mode = StubMode.LITELLM)
class FaultInjectionTest {

    private final GatewayStub stub;

    FaultInjectionTest(GatewayStub stub) {
        this.stub = stub;
    }

    @Test
    void statusWithRetryAfterMsIsHonouredByTheClientAndCountLimited() {
        HttpResponse<String> added = RawHttp.post(stub.origin() + "/__stub/faults",
                "{\"match\":{\"path\":\"/v1/chat/completions\",\"model\":\"gpt-4o-mini\"},\"status\":429,"
                        + "\"headers\":{\"retry-after-ms\":\"10\"},\"times\":1}");
        assertThat(added.statusCode()).isEqualTo(200);
        OpenAIClient retrying = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey(Clients.fakeKey())
                .maxRetries(2).timeout(Duration.ofSeconds(20)).build();

        var completion = retrying.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("retry me").build());

        assertThat(completion.choices().get(0).message().content()).contains("Echo: retry me");
        assertThat(stub.journal()).extracting(e -> e.status()).containsExactly(429, 200);
        assertThat(stub.journal().get(1).headers()).containsEntry("x-stainless-retry-count", "1");
    }

    @Test
    void injectedStatusUsesTheModeErrorShapeAndHeaders() {
        stub.fault(Fault.builder().path("/embeddings").status(503).header("retry-after", "1").build());
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/embeddings",
                "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("retry-after")).hasValue("1");
        assertThat(RawHttp.json(r).at("/error/code").asText()).isEqualTo("503");
        // Other paths are untouched.
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x")).statusCode()).isEqualTo(200);
    }

    @Test
    void injectedBodyIsSentVerbatim() {
        stub.fault(Fault.builder().status(500).body("{\"error\":{\"message\":\"upstream exploded\"}}").times(1).build());
        OpenAIClient client = Clients.openAi(stub, Clients.fakeKey());
        InternalServerException e = (InternalServerException) catchThrowable(() -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("x").build()));
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.getMessage()).contains("upstream exploded");
    }

    @Test
    void latencyDelaysTheAnswer() {
        stub.fault(Fault.builder().path("/models").latencyMillis(150).build());
        assertThat(RawHttp.get(stub.baseUrl() + "/models").statusCode()).isEqualTo(200);
        // A lower bound on server-side time, not a wall-clock limit.
        assertThat(stub.journal().get(0).durationMillis()).isGreaterThanOrEqualTo(150.0);
    }

    @Test
    void streamIsCutAfterKEventsWithoutDone() throws Exception {
        RawHttp.post(stub.origin() + "/__stub/faults", "{\"path\":\"/chat/completions\",\"cutStreamAfterEvents\":2}");
        // Over a plain socket, which reads every byte the stub sent before it closed: the JDK client's body stream
        // may report the broken chunked framing before handing over the last chunk it already received.
        String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"a b c d\"}]}";
        RawSocket.Outcome cut = RawSocket.exchange(stub.host(), stub.port(), "POST " + URI.create(stub.baseUrl()).getPath()
                + "/chat/completions HTTP/1.1\r\nHost: stub\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body, 20_000);
        assertThat(cut.status()).as("%s", cut).isEqualTo(200);
        assertThat(cut.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(cut.body()).as("the chunked body ends without its terminator").doesNotContain("\r\n0\r\n\r\n");
        assertThat(RawHttpTest.dataLines(cut.body())).hasSize(2).doesNotContain("[DONE]");

        OpenAIClient client = Clients.openAi(stub, Clients.fakeKey());
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("a b c d").build())) {
                s.stream().forEach(chunks::add);
            }
        }).isInstanceOfAny(OpenAIIoException.class, UncheckedIOException.class, IOException.class, RuntimeException.class);
        assertThat(chunks).hasSize(2);
    }

    @Test
    void droppedConnectionGivesTheClientAnIoError() {
        stub.fault(Fault.builder().path("/chat/completions").dropConnection(true).times(1).build());
        OpenAIClient client = Clients.openAi(stub, Clients.fakeKey());
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("x").build())).isInstanceOf(OpenAIIoException.class);
        assertThat(stub.journal()).singleElement().satisfies(e -> assertThat(e.status()).isZero());
        // times=1: the next call succeeds.
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x")).statusCode()).isEqualTo(200);
    }

    @Test
    void adminApiListsValidatesAndClearsFaults() {
        HttpResponse<String> bad = RawHttp.post(stub.origin() + "/__stub/faults", "{\"status\":99}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(bad).at("/error/message").asText()).contains("status");
        HttpResponse<String> unknownField = RawHttp.post(stub.origin() + "/__stub/faults", "{\"status\":500,\"colour\":1}");
        assertThat(RawHttp.json(unknownField).at("/error/message").asText()).contains("colour");

        RawHttp.post(stub.origin() + "/__stub/faults", "[{\"status\":500},{\"latencyMs\":5}]");
        JsonNode listed = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/faults"));
        assertThat(listed.get("faults")).hasSize(2);
        assertThat(RawHttp.method("DELETE", stub.origin() + "/__stub/faults", null).statusCode()).isEqualTo(200);
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x")).statusCode()).isEqualTo(200);
    }

    @Test
    void faultListIsBounded() {
        for (int i = 0; i < StubLimits.DEFAULTS.maxFaults(); i++) {
            stub.fault(Fault.builder().path("/nothing-" + i).status(500).build());
        }
        HttpResponse<String> full = RawHttp.post(stub.origin() + "/__stub/faults", "{\"status\":500}");
        assertThat(full.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(full).at("/error/message").asText()).contains("too many faults");
    }
}
