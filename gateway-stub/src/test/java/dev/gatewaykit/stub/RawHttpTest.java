package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact bytes over plain java.net.http: SSE framing and pacing, base64 vectors, usage chunk, event order. */
@GatewayStubTest(mode = StubMode.LITELLM)
class RawHttpTest {

    private final GatewayStub stub;

    RawHttpTest(GatewayStub stub) {
        this.stub = stub;
    }

    @Test
    void base64EmbeddingDecodesToTheFloatVector() {
        String body = "{\"model\":\"text-embedding-3-small\",\"input\":\"vector me\",\"dimensions\":32,\"encoding_format\":\"%s\"}";
        JsonNode floats = RawHttp.json(RawHttp.post(stub.baseUrl() + "/embeddings", body.formatted("float")));
        JsonNode base64 = RawHttp.json(RawHttp.post(stub.baseUrl() + "/embeddings", body.formatted("base64")));

        byte[] bytes = Base64.getDecoder().decode(base64.at("/data/0/embedding").asText());
        assertThat(bytes).hasSize(32 * 4);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode expected = floats.at("/data/0/embedding");
        assertThat(expected.size()).isEqualTo(32);
        double norm = 0;
        for (int i = 0; i < 32; i++) {
            float decoded = le.getFloat();
            assertThat(decoded).isEqualTo(expected.get(i).floatValue());
            norm += decoded * decoded;
        }
        assertThat(Math.sqrt(norm)).isBetween(0.99999, 1.00001);
        assertThat(floats.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void sameTextSameVectorAcrossCallsAndDimensionsArePrefixesRenormalised() {
        String body = "{\"model\":\"text-embedding-3-small\",\"input\":[\"x\",\"x\"],\"dimensions\":8}";
        JsonNode r = RawHttp.json(RawHttp.post(stub.baseUrl() + "/embeddings", body));
        assertThat(r.at("/data/0/embedding")).isEqualTo(r.at("/data/1/embedding"));
        assertThat(r.at("/data/1/index").asInt()).isEqualTo(1);
    }

    @Test
    void sseEventsReachTheClientOneAtATime() throws Exception {
        stub.script(Script.builder().path("/chat/completions").contains("pace me")
                .chunks("first ", "second ", "third").chunkDelayMillis(400).build());
        HttpRequest request = RawHttp.request(stub.baseUrl() + "/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"pace me\"}]}")).build();
        HttpResponse<Stream<String>> response = RawHttp.client().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));

        List<String> data = new ArrayList<>();
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (!line.startsWith("data: ")) {
                continue;
            }
            data.add(line.substring(6));
            if (line.contains("\"content\":\"first \"")) {
                // The server journals an exchange only after its last byte: nothing yet means it is still writing.
                assertThat(stub.journal()).as("the stream is still being written").isEmpty();
            }
        }
        assertThat(data).anyMatch(d -> d.contains("\"content\":\"first \""));
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        assertThat(String.join("", data)).contains("\"content\":\"third\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/chat/completions"})
    void usageChunkOnlyWhenAskedOnBothPathForms(String path) {
        String plain = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String withUsage = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        List<String> without = dataLines(RawHttp.post(stub.origin() + path, plain).body());
        assertThat(without).noneMatch(d -> d.contains("\"usage\""));
        assertThat(without.get(without.size() - 1)).isEqualTo("[DONE]");

        List<String> with = dataLines(RawHttp.post(stub.origin() + path, withUsage).body());
        List<String> usageChunks = with.stream().filter(d -> d.contains("\"usage\":{")).toList();
        assertThat(usageChunks).hasSize(1);
        JsonNode usage = RawHttp.json(usageChunks.get(0));
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(usage.at("/usage/prompt_tokens").asInt()
                + usage.at("/usage/completion_tokens").asInt());
        assertThat(with.get(with.size() - 2)).isEqualTo(usageChunks.get(0));
        assertThat(with.get(with.size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void responsesStreamNamesEachEventAndNumbersThemInOrder() {
        String body = RawHttp.post(stub.baseUrl() + "/responses",
                "{\"model\":\"gpt-4o-mini\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"x\"}]}],"
                        + "\"stream\":true}").body();
        List<String> names = new ArrayList<>();
        long expectedSeq = 0;
        String pendingEvent = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("event: ")) {
                pendingEvent = line.substring(7);
            } else if (line.startsWith("data: ")) {
                JsonNode data = RawHttp.json(line.substring(6));
                assertThat(data.get("type").asText()).isEqualTo(pendingEvent);
                assertThat(data.get("sequence_number").asLong()).isEqualTo(expectedSeq++);
                names.add(pendingEvent);
            }
        }
        assertThat(names).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed");
        assertThat(body).doesNotContain("[DONE]");
    }

    @Test
    void healthProbesAnswerWithoutAKey() {
        assertThat(RawHttp.get(stub.origin() + "/health/liveliness").body()).isEqualTo("\"I'm alive!\"");
        assertThat(RawHttp.get(stub.origin() + "/health/liveness").body()).isEqualTo("\"I'm alive!\"");
        assertThat(RawHttp.json(RawHttp.get(stub.origin() + "/health/readiness")).get("status").asText()).isEqualTo("healthy");
    }

    @Test
    void liteLlmHeadersOnEveryModelCall() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-litellm-call-id")).isPresent();
        assertThat(r.headers().firstValue("x-litellm-version")).isPresent();
        assertThat(r.headers().firstValue("x-litellm-model-id")).isPresent();
        assertThat(Double.parseDouble(r.headers().firstValue("x-litellm-response-cost").orElseThrow())).isPositive();
        // Open mode: no key spend before the call, so the newer line reports this call's cost as the key's spend.
        assertThat(r.headers().firstValue("x-litellm-key-spend")).isEqualTo(r.headers().firstValue("x-litellm-response-cost"));
    }

    @Test
    void maxTokensCutsTheReplyWithFinishReasonLength() {
        JsonNode r = RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"a long prompt\"}]}"));
        assertThat(r.at("/choices/0/message/content").asText()).isEqualTo("Echo");
        assertThat(r.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    static List<String> dataLines(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }
}
