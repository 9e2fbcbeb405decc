package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a clear 4xx in the mode's shape. */
class BadInputTest {

    private static final Map<StubMode, GatewayStub> STUBS = new EnumMap<>(StubMode.class);

    @BeforeAll
    static void start() {
        for (StubMode mode : StubMode.values()) {
            STUBS.put(mode, GatewayStub.builder().mode(mode).maxBodyBytes(4096).start());
        }
    }

    @AfterAll
    static void stop() {
        STUBS.values().forEach(GatewayStub::close);
    }

    static Stream<Arguments> cases() {
        String big = "{\"model\":\"gpt-4o-mini\",\"input\":\"" + "y".repeat(5000) + "\"}";
        Stream.Builder<Arguments> b = Stream.builder();
        for (StubMode mode : StubMode.values()) {
            b.add(Arguments.of(mode, "malformed JSON", "POST", "/chat/completions", "{\"model\":", 400, "not valid JSON"));
            b.add(Arguments.of(mode, "JSON array body", "POST", "/chat/completions", "[1,2]", 400, "JSON object"));
            b.add(Arguments.of(mode, "empty body", "POST", "/embeddings", "", 400, "empty"));
            b.add(Arguments.of(mode, "missing model", "POST", "/chat/completions", "{\"messages\":[]}", 400, "model"));
            b.add(Arguments.of(mode, "model of wrong type", "POST", "/chat/completions", "{\"model\":7,\"messages\":[]}", 400, "expected a string"));
            b.add(Arguments.of(mode, "missing messages", "POST", "/chat/completions", "{\"model\":\"gpt-4o-mini\"}", 400, "messages"));
            b.add(Arguments.of(mode, "messages not an array", "POST", "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":\"hi\"}", 400, "messages"));
            b.add(Arguments.of(mode, "empty messages", "POST", "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[]}", 400, "empty array"));
            b.add(Arguments.of(mode, "bad role", "POST", "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"boss\",\"content\":\"x\"}]}", 400, "role"));
            b.add(Arguments.of(mode, "stream not boolean", "POST", "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", 400, "stream"));
            b.add(Arguments.of(mode, "missing input", "POST", "/embeddings", "{\"model\":\"text-embedding-3-small\"}", 400, "input"));
            b.add(Arguments.of(mode, "input of wrong type", "POST", "/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":{}}", 400, "input"));
            b.add(Arguments.of(mode, "bad encoding_format", "POST", "/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"encoding_format\":\"hex\"}", 400, "encoding_format"));
            b.add(Arguments.of(mode, "dimensions too large", "POST", "/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":100000}", 400, "dimensions"));
            b.add(Arguments.of(mode, "missing responses input", "POST", "/responses", "{\"model\":\"gpt-4o-mini\"}", 400, "input"));
            b.add(Arguments.of(mode, "missing prompt", "POST", "/completions", "{\"model\":\"gpt-4o-mini\"}", 400, "prompt"));
            b.add(Arguments.of(mode, "unknown model", "POST", "/chat/completions", "{\"model\":\"gpt-99\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                    mode == StubMode.LITELLM ? 400 : 404, "gpt-99"));
            b.add(Arguments.of(mode, "oversized body", "POST", "/embeddings", big, 413, "limit"));
            // LiteLLM is FastAPI ({"detail":…}); the self-hosted Portkey gateway is Hono ({"message":"Not Found"}).
            b.add(Arguments.of(mode, "unknown path", "POST", "/v1/teleport", "{}", 404,
                    mode == StubMode.LITELLM || mode == StubMode.PORTKEY_OSS ? "Not Found" : "teleport"));
            b.add(Arguments.of(mode, "wrong method", "DELETE", "/chat/completions", null,
                    mode == StubMode.PORTKEY_OSS ? 404 : 405, switch (mode) {
                        case LITELLM -> "Method Not Allowed";
                        case PORTKEY_OSS -> "Not Found";
                        default -> "POST";
                    }));
            String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":";
            b.add(Arguments.of(mode, "n negative", "POST", "/chat/completions", chat + "-1}", 400, "'n'"));
            b.add(Arguments.of(mode, "n zero", "POST", "/chat/completions", chat + "0}", 400, "'n'"));
            b.add(Arguments.of(mode, "n a string", "POST", "/chat/completions", chat + "\"yes\"}", 400, "'n'"));
            b.add(Arguments.of(mode, "n an object", "POST", "/chat/completions", chat + "{}}", 400, "'n'"));
            b.add(Arguments.of(mode, "n a fraction", "POST", "/chat/completions", chat + "1.5}", 400, "'n'"));
            b.add(Arguments.of(mode, "n too large", "POST", "/chat/completions", chat + "129}", 400, "'n'"));
            b.add(Arguments.of(mode, "completions n negative", "POST", "/completions",
                    "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"x\",\"n\":-1}", 400, "'n'"));
            b.add(Arguments.of(mode, "lone surrogate escape", "POST", "/chat/completions",
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\ud800b\"}]}", 400,
                    "lone UTF-16 surrogate"));
        }
        b.add(Arguments.of(StubMode.OPENAI, "models with POST", "POST", "/models", "{}", 405, "GET"));
        return b.build();
    }

    static Stream<Arguments> invalidUtf8() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (StubMode mode : StubMode.values()) {
            b.add(Arguments.of(mode, new byte[] {(byte) 0xc0, (byte) 0xaf}, "overlong encoding at byte"));
            b.add(Arguments.of(mode, new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, "overlong encoding at byte"));
            b.add(Arguments.of(mode, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "encoded surrogate (U+D800)"));
            b.add(Arguments.of(mode, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "above U+10FFFF"));
            b.add(Arguments.of(mode, new byte[] {(byte) 0xff}, "invalid UTF-8 byte"));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InAStringGetsA400NamingTheProblem(StubMode mode, byte[] bad, String problem) {
        GatewayStub stub = STUBS.get(mode);
        byte[] head = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"a".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = "\"}]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bad, 0, body, head.length, bad.length);
        System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);

        HttpResponse<String> r = RawHttp.send(RawHttp.request(stub.baseUrl() + "/chat/completions",
                "x-portkey-provider", "openai").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("not valid UTF-8").contains(problem);
    }

    @ParameterizedTest(name = "{0}: {1} -> {5}")
    @MethodSource("cases")
    void badInputGetsAClear4xxInTheModesShape(StubMode mode, String situation, String method, String path, String body,
                                              int status, String messageContains) {
        GatewayStub stub = STUBS.get(mode);
        String url = path.startsWith("/v1") ? stub.origin() + path : stub.baseUrl() + path;
        HttpResponse<String> r = RawHttp.method(method, url, body, "x-portkey-provider", "openai");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode json = RawHttp.json(r);
        String message;
        if (mode.portkey() && json.has("status")) {
            assertThat(json.get("status").asText()).isEqualTo("failure");
            message = json.get("message").asText();
        } else if (json.has("detail")) {
            message = json.get("detail").asText(); // FastAPI's own 404/405, before any LiteLLM code runs
        } else if (json.has("ok")) {
            assertThat(json.get("ok").asBoolean()).isFalse();
            message = json.get("message").asText();
        } else {
            assertThat(json.get("error").has("type")).isTrue();
            assertThat(json.get("error").has("param")).isTrue();
            assertThat(json.get("error").has("code")).isTrue();
            message = json.at("/error/message").asText();
            if (mode == StubMode.LITELLM) {
                assertThat(json.at("/error/code").asText()).isEqualTo(String.valueOf(status));
            }
        }
        assertThat(message).containsIgnoringCase(messageContains);
    }
}
