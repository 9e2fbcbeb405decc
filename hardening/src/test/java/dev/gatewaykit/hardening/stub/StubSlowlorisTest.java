package dev.gatewaykit.hardening.stub;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slowloris crowd against a stub with its default limits: 200 sockets ({@code -Dhardening.stub.slowloris.sockets})
 * that send request heads, bare-LF heads and short bodies one byte every 500 ms and reconnect when the stub cuts
 * them, for {@code -Dhardening.stub.slowloris.duration} (default 5s; the documented figures come from a 20s run),
 * while ordinary requests go on. Every ordinary request must be answered (a request that hangs past 10 s fails the
 * test); the latencies are printed and written to the report, not asserted.
 */
class StubSlowlorisTest {

    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;
    private static final String[] STARTS = {
            "POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\nX-Drip: ",
            "GET /v1/models HTTP/1.1\nHost: stub\nX-Drip: ",
            "POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\nContent-Length: 100000\r\n\r\n{\"x\":\""};

    @Test
    void ordinaryRequestsAreAnsweredWhileAStalledCrowdHoldsItsSockets() throws Exception {
        Duration duration = Duration.parse("PT" + System.getProperty("hardening.stub.slowloris.duration", "5s")
                .toUpperCase(Locale.ROOT));
        int sockets = Integer.getInteger("hardening.stub.slowloris.sockets", 200);
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).start();
             Crowd crowd = new Crowd(stub, sockets)) {
            String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            String[] requests = {
                    "GET /v1/models HTTP/1.1\r\nHost: stub\r\n\r\n",
                    "POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + chat.length() + "\r\n\r\n" + chat};
            List<Long> latencies = new ArrayList<>();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                crowd.drip();
                RawExchange r = RawExchange.send(stub.host(), stub.port(), requests[latencies.size() % 2],
                        ANSWER_TIMEOUT_MILLIS);
                assertThat(r.status()).as("ordinary request %d under slowloris: %s", latencies.size(), r)
                        .isEqualTo(200);
                latencies.add(r.millis());
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String summary = String.format(Locale.ROOT, "HARDENING STUB SLOWLORIS | %d stalled sockets for %.0f s"
                            + " (%d cut by the stub and reopened) | %d ordinary requests, 0 failed, 0 hung"
                            + " | latency p50=%d ms p99=%d ms max=%d ms | %d cores", sockets,
                    duration.toMillis() / 1000.0, crowd.reopened, sorted.length, sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1],
                    Runtime.getRuntime().availableProcessors());
            System.out.println();
            System.out.println(summary);
            report("stub-slowloris.txt", summary);
            assertThat(sorted).isNotEmpty();
        }
    }

    static void report(String file, String line) throws IOException {
        Path dir = Path.of(System.getProperty("hardening.report.dir", "target/hardening"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), line + System.lineSeparator());
    }

    /** Sockets that start a request and never finish it. */
    private static final class Crowd implements AutoCloseable {
        private final GatewayStub stub;
        private final Socket[] sockets;
        private long lastDrip = System.nanoTime();
        int reopened;

        Crowd(GatewayStub stub, int n) throws IOException {
            this.stub = stub;
            this.sockets = new Socket[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = open(i);
            }
        }

        private Socket open(int i) throws IOException {
            Socket s = new Socket(stub.host(), stub.port());
            s.getOutputStream().write(STARTS[i % STARTS.length].getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return s;
        }

        void drip() throws IOException {
            if (System.nanoTime() - lastDrip < 500_000_000L) {
                return;
            }
            lastDrip = System.nanoTime();
            for (int i = 0; i < sockets.length; i++) {
                try {
                    OutputStream out = sockets[i].getOutputStream();
                    out.write('a');
                    out.flush();
                } catch (IOException cutByTheStub) {
                    sockets[i].close();
                    sockets[i] = open(i);
                    reopened++;
                }
            }
        }

        @Override
        public void close() throws IOException {
            for (Socket s : Arrays.asList(sockets)) {
                s.close();
            }
        }
    }
}
