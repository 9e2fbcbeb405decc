package dev.gatewaykit.hardening.stub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods a stub running with {@code -Xmx24m -Xss256k} (a child JVM): concurrent 1 MB bodies, requests with 64
 * headers of 600 characters, 100,000 input messages, a 50,000-key admin script and a 2,000-character secret value.
 * Every request must end (a socket left hanging for 30 s fails the test), none with a 500, and afterwards reset and
 * the journal answer and the process is alive.
 */
class StubSmallHeapTest {

    private static final int HANG_MILLIS = 30_000;

    @TempDir
    Path dir;

    @Test
    void aSmallHeapStubAnswersEveryFloodAndKeepsServing() throws Exception {
        Path config = dir.resolve("stub.json");
        Files.writeString(config, "{\"limits\":{\"maxBodyBytes\":4194304}}");
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        try (StubProcess stub = new StubProcess(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                String big = chat("x".repeat(1_000_000));
                run(stub, pool, "1 MB bodies, 8 at a time", 40, i -> post("/v1/chat/completions", big), outcomes, bad);
                String headers = headers(64, 600);
                run(stub, pool, "64 headers of 600 chars", 400, i -> "GET /v1/models HTTP/1.1\r\nHost: s\r\n"
                        + headers + "\r\n", outcomes, bad);
                StringJoiner messages = new StringJoiner(",", "{\"model\":\"gpt-4o-mini\",\"messages\":[", "]}");
                for (int i = 0; i < 100_000; i++) {
                    messages.add("{\"role\":\"user\",\"content\":\"m\"}");
                }
                String hundredK = messages.toString();
                run(stub, pool, "100k input messages", 8, i -> post("/v1/chat/completions", hundredK), outcomes, bad);
                StringJoiner keys = new StringJoiner(",", "{\"path\":\"/chat/completions\",\"reply\":\"r\",", "}");
                for (int i = 0; i < 50_000; i++) {
                    keys.add("\"k" + i + "\":" + i);
                }
                String script = keys.toString();
                run(stub, pool, "50k-key admin script", 4, i -> post("/__stub/scripts", script), outcomes, bad);
                String secret = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"token\":\"" + "t\\\"".repeat(700) + "\",\"api_key\":\"" + "k".repeat(2_000) + "\"}";
                run(stub, pool, "2,000-char secret values", 8, i -> post("/v1/chat/completions", secret), outcomes,
                        bad);
            } finally {
                pool.shutdownNow();
            }

            RawExchange journal = RawExchange.send("127.0.0.1", stub.port(), "GET /__stub/journal HTTP/1.1\r\n"
                    + "Host: s\r\n\r\n", HANG_MILLIS);
            RawExchange reset = RawExchange.send("127.0.0.1", stub.port(), "POST /__stub/reset HTTP/1.1\r\n"
                    + "Host: s\r\nContent-Length: 0\r\n\r\n", HANG_MILLIS);
            int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
            String summary = String.format(Locale.ROOT, "HARDENING STUB SMALL HEAP (-Xmx24m -Xss256k) | %d flood"
                    + " requests: %s | hung: 0, 5xx other than 503: %d | journal after: %d, reset after: %d, alive: %s",
                    total, outcomes, bad.size(), journal.status(), reset.status(), stub.alive());
            System.out.println();
            System.out.println(summary);
            StubSlowlorisTest.report("stub-small-heap.txt", summary);

            assertThat(bad).as("requests that hung or got a 5xx other than an overload 503").isEmpty();
            assertThat(journal.status()).as("%s", journal).isEqualTo(200);
            assertThat(journal.body()).doesNotContain("kkkkkkkkkkkk");
            assertThat(reset.status()).as("%s", reset).isEqualTo(200);
            assertThat(stub.alive()).isTrue();
        }
    }

    private interface Request {
        String make(int i);
    }

    private static void run(StubProcess stub, ExecutorService pool, String what, int n, Request request,
                            Map<String, Integer> outcomes, List<String> bad) throws Exception {
        List<Future<RawExchange>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Callable<RawExchange> call = () -> RawExchange.send("127.0.0.1", stub.port(), request.make(k), HANG_MILLIS);
            futures.add(pool.submit(call));
        }
        for (Future<RawExchange> f : futures) {
            RawExchange r = f.get(HANG_MILLIS * 2L, TimeUnit.MILLISECONDS);
            String key = what + " -> " + (r.status() > 0 ? r.status() + code(r.body()) : r.end().toString());
            outcomes.merge(key, 1, Integer::sum);
            if (!r.endedWithoutHanging() || r.status() >= 500 && r.status() != 503 || r.status() == 0) {
                bad.add(what + ": " + r);
            }
        }
    }

    private static String code(String body) {
        int at = body.indexOf("\"code\":\"");
        return at < 0 ? "" : " " + body.substring(at + 8, body.indexOf('"', at + 8));
    }

    private static String chat(String text) {
        return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: s\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    private static String headers(int n, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("X-Header-").append(i).append(": ").append("v".repeat(chars)).append("\r\n");
        }
        return sb.toString();
    }
}
