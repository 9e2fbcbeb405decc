package dev.gatewaykit.stub;

import dev.gatewaykit.stub.support.RawHttp;
import dev.gatewaykit.stub.support.RawSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Over a thousand generated malformed requests per mode: never a 5xx, and the stub stays healthy. */
class FuzzTest {

    private static final int HTTP_CASES = 1200;
    private static final int SOCKET_CASES = 150;
    private static final Map<StubMode, GatewayStub> STUBS = new EnumMap<>(StubMode.class);

    private static final String[] PATHS = {"/v1/chat/completions", "/chat/completions", "/v1/embeddings", "/v1/responses",
            "/v1/completions", "/v1/models", "/v1/models/gpt-4o", "/v1/models/%ZZ", "/key/generate", "/key/info",
            "/key/delete", "/health/liveliness", "/health/readiness", "/", "/v1", "/v1/", "/v2/chat", "/v1/chat/completions/",
            "/v1//chat", "/..%2f..%2fetc/passwd", "/v1/models/", "/key/info?key=%", "/key/info?key=sk-x"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    private static final String[] SEEDS = {
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
            "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":8,\"encoding_format\":\"base64\"}",
            "{\"model\":\"gpt-4o-mini\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"x\"}]}]}",
            "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":[[1,2,3]],\"max_tokens\":3}",
            "{\"models\":[\"gpt-4o-mini\"],\"max_budget\":1,\"duration\":\"1h\",\"key_alias\":\"a\"}",
            "{\"keys\":[\"sk-nothing\"]}"};
    private static final String[] JUNK = {"null", "true", "-1", "1e999", "\"\"", "[]", "{}", "[[[[[[[[[[", "{\"a\":",
            "\u0000", "\uFFFF", "9999999999999999999999", "{\"$ref\":1}", "\"\\ud800\"", "NaN"};

    @BeforeAll
    static void start() {
        for (StubMode mode : StubMode.values()) {
            STUBS.put(mode, GatewayStub.builder().mode(mode).maxBodyBytes(16 * 1024).start());
        }
    }

    @AfterAll
    static void stop() {
        STUBS.values().forEach(GatewayStub::close);
    }

    @ParameterizedTest
    @EnumSource(StubMode.class)
    void malformedRequestsNeverGet5xx(StubMode mode) throws Exception {
        GatewayStub stub = STUBS.get(mode);
        Random random = new Random(mode.ordinal() * 7919L + 17);
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < HTTP_CASES; i++) {
            String method = METHODS[random.nextInt(METHODS.length)];
            String path = PATHS[random.nextInt(PATHS.length)];
            String body = mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            HttpRequest.Builder b;
            try {
                b = RawHttp.request(stub.origin() + path);
            } catch (IllegalArgumentException notAUri) {
                // java.net.http refuses it; the raw socket cases below send such paths.
                continue;
            }
            if (random.nextInt(3) == 0) {
                b.header("Authorization", random.nextBoolean() ? "Bearer " : "Basic x");
            }
            if (random.nextInt(4) == 0) {
                b.header("x-portkey-provider", random.nextBoolean() ? "openai" : "!!");
                b.header("x-portkey-config", random.nextBoolean() ? "{" : "pc-x");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = RawHttp.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500) {
                serverErrors.add(method + " " + path + " " + body + " → " + r.statusCode() + " " + r.body());
            }
        }
        for (int i = 0; i < SOCKET_CASES; i++) {
            int status = rawSocket(stub, garbage(random));
            if (status >= 500) {
                serverErrors.add("raw socket case " + i + " → " + status);
            }
        }
        assertThat(serverErrors).isEmpty();

        // Still healthy afterwards.
        assertThat(RawHttp.get(stub.origin() + "/__stub/ready").statusCode()).isEqualTo(200);
        assertThat(stub.stats().requests()).isGreaterThanOrEqualTo(HTTP_CASES / 2);
        // Fuzzed /key/generate calls may have created keys, which turns key checks on: start from a clean state.
        stub.reset();
        HttpResponse<String> ok = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "still fine"), "x-portkey-provider", "openai");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(stub.journal()).hasSizeLessThanOrEqualTo(StubLimits.DEFAULTS.journalCapacity());
    }

    /** Every hostile case the probe of the stub found: no 5xx (but the JDK's own 501), no hang, stub still serving. */
    @ParameterizedTest
    @EnumSource(StubMode.class)
    void everyCaseTheProbeFoundEndsWithoutA5xxOrAHang(StubMode mode) throws Exception {
        List<String> bad = new ArrayList<>();
        try (GatewayStub stub = GatewayStub.builder().mode(mode)
                .limits(StubLimits.DEFAULTS.withTimeouts(1_000, 1_000)).start()) {
            String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
            String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: s\r\nx-portkey-provider: openai\r\n";
            List<String> cases = new ArrayList<>();
            for (int digits = 8; digits <= 18; digits++) {
                cases.add(head + "Transfer-Encoding: chunked\r\n\r\n" + "f".repeat(digits) + "\r\n" + chat + "}\r\n0\r\n\r\n");
            }
            for (String size : new String[] {"zz", "-5", "", "7fffffff"}) {
                cases.add(head + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + chat + "}\r\n0\r\n\r\n");
            }
            String hex = Integer.toHexString(chat.length() + 1);
            cases.add(head + "Transfer-Encoding: chunked\r\n\r\n" + hex + ";a=b\r\n" + chat + "}\r\n0;c=d\r\nX-T: 1\r\n\r\n");
            cases.add("GET /v1/models HTTP/1.1\nHost: s\n\n");
            cases.add(head + "Content-Length: 100\r\n\r\n{}");
            for (String n : new String[] {"-1", "0", "\"yes\"", "{}", "1.5", "129"}) {
                cases.add(withBody(head, chat + ",\"n\":" + n + "}"));
            }
            cases.add(withBody(head, chat.replace("hi", "\\ud800") + "}"));
            cases.add(withBody(head, chat.replace("hi", "\u00c0\u00af") + "}")); // overlong '/' as ISO-8859-1 bytes C0 AF
            cases.add(withBody(head, "{\"api_key\":\"" + "k".repeat(2_000) + "\"}"));
            cases.add("GET /v1/models/sk-probe-0123456789abcdef HTTP/1.1\r\nHost: s\r\n\r\n");
            String admin = "POST /__stub/faults HTTP/1.1\r\nHost: s\r\n";
            cases.add(withBody(admin, "{\"status\":429,\"headers\":{\"x\":\"a\\r\\nb\"}}"));
            cases.add(withBody(admin, "{\"status\":200,\"headers\":{\"Transfer-Encoding\":\"chunked\"}}"));
            cases.add(withBody(admin, "{\"status\":100}"));
            cases.add(withBody(admin, "[" + "{\"status\":429,\"path\":\"/nowhere\"},".repeat(300) + "{\"status\":429}]"));
            cases.add("GET /__stub/journal HTTP/1.1\r\nHost: s\r\n\r\n");
            for (String c : cases) {
                RawSocket.Outcome outcome = RawSocket.exchange(stub.host(), stub.port(), c, 10_000);
                if (outcome.end() == RawSocket.End.TIMED_OUT || outcome.status() >= 500) {
                    bad.add(c.substring(0, Math.min(c.length(), 120)) + " -> " + outcome);
                }
            }
            assertThat(RawHttp.get(stub.baseUrl() + "/models", "x-portkey-provider", "openai").statusCode())
                    .isEqualTo(200);
            assertThat(RawHttp.get(stub.origin() + "/__stub/faults").body()).isEqualTo("{\"faults\":[]}");
        }
        assertThat(bad).isEmpty();
    }

    private static String withBody(String head, String body) {
        return head + "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body;
    }

    private static String mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        switch (random.nextInt(8)) {
            case 0 -> s.setLength(random.nextInt(s.length()));                       // truncated
            case 1 -> s.insert(random.nextInt(s.length()), JUNK[random.nextInt(JUNK.length)]);
            case 2 -> {                                                              // flip a character
                int at = random.nextInt(s.length());
                s.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
            case 3 -> {
                return JUNK[random.nextInt(JUNK.length)];
            }
            case 4 -> {                                                              // wrong types everywhere
                return seed.replaceAll("\"[a-z0-9.\\-]+\"(?=[,}\\]])", java.util.regex.Matcher.quoteReplacement(JUNK[random.nextInt(JUNK.length)]));
            }
            case 5 -> {
                return seed.replace("\"model\":", "\"model\":" + JUNK[random.nextInt(JUNK.length)] + ",\"x\":");
            }
            case 6 -> s.append("x".repeat(random.nextInt(40_000)));                 // maybe over the limit
            default -> {
                for (int k = 0; k < 5; k++) {
                    int at = random.nextInt(s.length());
                    s.deleteCharAt(at);
                }
            }
        }
        return s.toString();
    }

    private static byte[] garbage(Random random) {
        String[] lines = {"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 5\r\n\r\n{\"a\"",
                "POST /v1/embeddings HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "BREW /coffee HTCPCP/1.0\r\n\r\n",
                "GET /v1/models HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "\r\n\r\n", "GET\r\n\r\n", "GET /v1/models/%ZZ HTTP/1.1\r\n\r\n", "GET /key/info?key=% HTTP/1.1\r\n\r\n",
                "POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n"};
        if (random.nextBoolean()) {
            return lines[random.nextInt(lines.length)].getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Sends raw bytes and returns the status the server answered, or 0 when it closed without one. */
    private static int rawSocket(GatewayStub stub, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(stub.host(), stub.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && head.size() < 64 && c != '\n') {
                head.write(c);
            }
            String line = head.toString(StandardCharsets.ISO_8859_1);
            if (line.startsWith("HTTP/1.1 ")) {
                return Integer.parseInt(line.substring(9, 12));
            }
            return 0;
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            return 0;
        }
    }
}
