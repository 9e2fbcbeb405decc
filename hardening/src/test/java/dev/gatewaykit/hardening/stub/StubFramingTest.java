package dev.gatewaykit.hardening.stub;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubLimits;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every chunked-framing and pre-handler case, in every mode: a 400 in OpenAI's shape when the stub's handler sees
 * the request, the JDK server's own answer or a closed connection when it does not; never a hang, never a 500, and
 * the stub answers the next request.
 */
class StubFramingTest {

    private static final int HANG_MILLIS = 10_000;
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String CHUNKED = "POST /v1/chat/completions HTTP/1.1\r\nHost: s\r\nx-portkey-provider: openai\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    private static final String POST = "POST /v1/chat/completions HTTP/1.1\r\nHost: s\r\nx-portkey-provider: openai\r\n";
    private static final String[] BAD_SIZES = {"ffffffff", "80000000", "fffffffff", "ffffffffff", "fffffffffff",
            "ffffffffffff", "fffffffffffff", "ffffffffffffff", "fffffffffffffff", "ffffffffffffffff", "zz", "g1", "-5",
            "-1", " ", "0x10", "+10"};

    @Test
    void noFramingErrorHangsOrGetsA500AndTheStubKeepsServing() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (StubMode mode : StubMode.values()) {
            try (GatewayStub stub = GatewayStub.builder().mode(mode)
                    .limits(StubLimits.DEFAULTS.withTimeouts(1_000, 1_000)).start()) {
                for (String size : BAD_SIZES) {
                    tried++;
                    expect(stub, mode, "chunk size '" + size + "'", CHUNKED + size + "\r\n" + CHAT + "\r\n0\r\n\r\n",
                            400, failures);
                }
                String hex = Integer.toHexString(CHAT.length());
                String[][] others = {
                        {"trailer", CHUNKED + hex + "\r\n" + CHAT + "\r\n0\r\nX-T: 1\r\n\r\n", "400"},
                        {"extension and trailer", CHUNKED + hex + ";a=b\r\n" + CHAT + "\r\n0;c=d\r\nX-T: 1\r\n\r\n", "400"},
                        {"extension", CHUNKED + hex + ";a=b\r\n" + CHAT + "\r\n0\r\n\r\n", "200"},
                        {"18-digit size", CHUNKED + "ffffffffffffffffff\r\n" + CHAT + "\r\n0\r\n\r\n", "closed"},
                        {"size beyond the data", CHUNKED + "7fffffff\r\n" + CHAT + "\r\n0\r\n\r\n", "closed"},
                        {"bad request line", "GARBAGE\r\n\r\n", "400"},
                        {"bad Content-Length", POST + "Content-Length: abc\r\n\r\n", "400"},
                        {"CL and TE", POST + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400"},
                        {"unknown Transfer-Encoding", POST + "Transfer-Encoding: gzip\r\n\r\n", "501"},
                        {"bare LF", "GET /v1/models HTTP/1.1\nHost: s\n\n", "closed"},
                        {"short body", POST + "Content-Length: 100\r\n\r\n{}", "closed"},
                        {"10k headers", manyHeaders(10_000, "v"), "closed"},
                        {"1 MB header", manyHeaders(1, "v".repeat(1 << 20)), "closed"}};
                for (String[] c : others) {
                    tried++;
                    expect(stub, mode, c[0], c[1], c[2].equals("closed") ? 0 : Integer.parseInt(c[2]), failures);
                }
            }
        }
        String summary = String.format(Locale.ROOT, "HARDENING STUB FRAMING | %d malformed requests over %d modes"
                + " | bad outcomes (hang, 500, wrong answer, stub not serving after): %d", tried,
                StubMode.values().length, failures.size());
        System.out.println(summary);
        StubSlowlorisTest.report("stub-framing.txt", summary);
        assertThat(failures).isEmpty();
    }

    /** {@code status} 0 means: the connection must end (closed or reset) without an answer, promptly. */
    private static void expect(GatewayStub stub, StubMode mode, String what, String request, int status,
                               List<String> failures) throws Exception {
        RawExchange r = RawExchange.send(stub.host(), stub.port(), request, HANG_MILLIS);
        boolean ok = r.endedWithoutHanging() && (status == 0 ? r.status() == 0 : r.status() == status);
        if (ok && status == 400 && !r.head().contains("application/json")) {
            ok = r.body().contains("400 Bad Request"); // the JDK server's own answer
        }
        if (ok && status == 400 && r.head().contains("application/json")) {
            ok = r.body().contains("\"message\":\"Malformed request body")
                    || mode.portkey() && r.body().contains("Malformed request body");
        }
        RawExchange next = RawExchange.send(stub.host(), stub.port(), "GET /v1/models HTTP/1.1\r\nHost: s\r\n"
                + "x-portkey-provider: openai\r\n\r\n", HANG_MILLIS);
        if (!ok || next.status() != 200) {
            failures.add(mode.id() + " " + what + ": " + r + " / next request: " + next);
        }
    }

    private static String manyHeaders(int n, String value) {
        StringBuilder sb = new StringBuilder("GET /v1/models HTTP/1.1\r\nHost: s\r\n");
        for (int i = 0; i < n; i++) {
            sb.append("X-H").append(i).append(": ").append(value).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }
}
