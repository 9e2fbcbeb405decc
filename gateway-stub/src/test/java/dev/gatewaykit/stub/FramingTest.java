package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.support.RawHttp;
import dev.gatewaykit.stub.support.RawSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP framing the JDK server cannot decode: what reaches the stub's handler gets a 400 in OpenAI's shape and a
 * closed connection; what the JDK server answers or drops before the handler runs ends promptly and never hangs.
 */
class FramingTest {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String CHUNKED_HEAD = "POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    private static GatewayStub stub;

    @BeforeAll
    static void start() {
        stub = GatewayStub.builder().mode(StubMode.OPENAI).limits(StubLimits.DEFAULTS.withTimeouts(1_000, 1_000)).start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffff", "80000000", "fffffffffffff", "ffffffffffffff", "fffffffffffffff",
            "ffffffffffffffff", "zz", "-5", "0x10", ""})
    void undecodableChunkSizesGetA400InOpenAiShape(String size) throws Exception {
        RawSocket.Outcome outcome = send(CHUNKED_HEAD + size + "\r\n" + CHAT + "\r\n0\r\n\r\n");

        assertBadFraming(outcome);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%x\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n", "%x;a=b\r\n%s\r\n0;c=d\r\nX-Trailer: 1\r\n\r\n"})
    void chunkTrailersGetA400InOpenAiShape(String chunks) throws Exception {
        RawSocket.Outcome outcome = send(CHUNKED_HEAD + chunks.formatted(CHAT.length(), CHAT));

        assertBadFraming(outcome);
    }

    @Test
    void chunkExtensionsAreAccepted() throws Exception {
        RawSocket.Outcome outcome = send(CHUNKED_HEAD + Integer.toHexString(CHAT.length()) + ";name=value\r\n" + CHAT
                + "\r\n0\r\n\r\n");

        assertThat(outcome.status()).as("%s", outcome).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffffffffffffff", "7fffffff"})
    void chunkSizesAnnouncingMoreThanIsSentAreClosedAtTheBodyDeadline(String size) throws Exception {
        RawSocket.Outcome outcome = send(CHUNKED_HEAD + size + "\r\n" + CHAT + "\r\n0\r\n\r\n");

        // The JDK decoder waits for the announced bytes; the stub cannot see the size, so the deadline ends it.
        assertThat(outcome.end()).as("%s", outcome).isIn(RawSocket.End.CLOSED, RawSocket.End.RESET);
        assertStillServing();
    }

    static Stream<Arguments> rejectedByTheJdkServer() {
        String post = "POST /v1/chat/completions HTTP/1.1\r\nHost: s\r\n";
        return Stream.of(
                Arguments.of("GARBAGE\r\n\r\n", 400),
                Arguments.of(post + "Content-Length: abc\r\n\r\n", 400),
                Arguments.of(post + "Content-Length: -1\r\n\r\n", 400),
                Arguments.of(post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of(post + "Transfer-Encoding: gzip\r\n\r\n", 501));
    }

    @ParameterizedTest
    @MethodSource("rejectedByTheJdkServer")
    void errorsTheJdkServerAnswersBeforeTheStubSeesTheRequestEndPromptly(String request, int status)
            throws Exception {
        RawSocket.Outcome outcome = send(request);

        // Written by the JDK server itself (text/html, Connection: close): documented in docs/reliability.md.
        assertThat(outcome.status()).as("%s", outcome).isEqualTo(status);
        assertThat(outcome.header("Connection")).isEqualTo("close");
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 1})
    void oversizedHeadersEndTheConnectionPromptly(int headers) throws Exception {
        StringBuilder request = new StringBuilder("GET /v1/models HTTP/1.1\r\nHost: stub\r\n");
        String value = headers == 1 ? "v".repeat(1 << 20) : "v";
        for (int i = 0; i < headers; i++) {
            request.append("X-H").append(i).append(": ").append(value).append("\r\n");
        }
        RawSocket.Outcome outcome = send(request.append("\r\n").toString());

        // The JDK server drops the connection over its header limits; no handler runs, so no 431 can be sent.
        assertThat(outcome.end()).as("%s", outcome).isIn(RawSocket.End.CLOSED, RawSocket.End.RESET);
        assertStillServing();
    }

    private static RawSocket.Outcome send(String request) throws Exception {
        return RawSocket.exchange(stub.host(), stub.port(), request, TIMEOUT_MILLIS);
    }

    private static void assertBadFraming(RawSocket.Outcome outcome) {
        assertThat(outcome.status()).as("%s", outcome).isEqualTo(400);
        assertThat(outcome.header("Connection")).isEqualTo("close");
        JsonNode error = RawHttp.json(outcome.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_body_framing");
        assertThat(error.get("message").asText()).startsWith("Malformed request body");
        assertStillServing();
    }

    private static void assertStillServing() {
        assertThat(RawHttp.get(stub.baseUrl() + "/models").statusCode()).isEqualTo(200);
    }
}
