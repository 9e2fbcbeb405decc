package dev.gatewaykit.stub;

import dev.gatewaykit.stub.support.RawHttp;
import dev.gatewaykit.stub.support.RawSocket;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that stall cost a connection, never a worker: idle one-byte sockets, bare-LF heads, short bodies and a
 * slowloris crowd do not stop other requests, and each is cut at its deadline. The crowd runs for
 * {@code -Dstub.slowloris.seconds} (default 3); timings are printed, not asserted.
 */
class SlowClientTest {

    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;
    private static final String MODELS = "GET /v1/models HTTP/1.1\r\nHost: stub\r\n\r\n";

    @Test
    void moreOneByteSocketsThanWorkersDoNotStopOtherRequests() throws Exception {
        try (GatewayStub stub = GatewayStub.builder().start();
             SocketCrowd crowd = new SocketCrowd(stub)) {
            crowd.open(StubLimits.DEFAULTS.workerThreads() + 8, "P");

            RawSocket.Outcome outcome = RawSocket.exchange(stub.host(), stub.port(), MODELS, ANSWER_TIMEOUT_MILLIS);

            assertThat(outcome.end()).as("%s", outcome).isEqualTo(RawSocket.End.ANSWERED);
            assertThat(outcome.status()).isEqualTo(200);
        }
    }

    @Test
    void bareLineFeedHeadAndShortBodyAreClosedAtTheirDeadlines() throws Exception {
        try (GatewayStub stub = GatewayStub.builder().limits(StubLimits.DEFAULTS.withTimeouts(300, 300)).start()) {
            RawSocket.Outcome bareLf = RawSocket.exchange(stub.host(), stub.port(),
                    "GET /v1/models HTTP/1.1\nHost: stub\n\n", ANSWER_TIMEOUT_MILLIS);
            RawSocket.Outcome shortBody = RawSocket.exchange(stub.host(), stub.port(),
                    "POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"model\":", ANSWER_TIMEOUT_MILLIS);
            RawSocket.Outcome partialHead = RawSocket.exchange(stub.host(), stub.port(),
                    "POST /v1/chat/completions HTTP/1.1\r\nHost: st", ANSWER_TIMEOUT_MILLIS);

            // Closed, not hung: the JDK server never sees a complete head, and a body that never completes cannot
            // be answered on a connection whose framing is lost.
            assertThat(bareLf.end()).as("%s", bareLf).isIn(RawSocket.End.CLOSED, RawSocket.End.RESET);
            assertThat(shortBody.end()).as("%s", shortBody).isIn(RawSocket.End.CLOSED, RawSocket.End.RESET);
            assertThat(partialHead.end()).as("%s", partialHead).isIn(RawSocket.End.CLOSED, RawSocket.End.RESET);
            assertThat(RawHttp.get(stub.baseUrl() + "/models").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void exchangesOverTheCapAndTheQueueAreRefusedWithA503() throws Exception {
        StubLimits tiny = StubLimits.DEFAULTS.withWorkerThreads(2).withMaxConnections(2).withQueueCapacity(1);
        try (GatewayStub stub = GatewayStub.builder().limits(tiny).start();
             SocketCrowd crowd = new SocketCrowd(stub)) {
            crowd.open(3, "GET /v1/models HTTP/1.1\r\nHo");

            RawSocket.Outcome refused = RawSocket.exchange(stub.host(), stub.port(), MODELS, ANSWER_TIMEOUT_MILLIS);

            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(RawHttp.json(refused.body()).at("/error/message").asText())
                    .contains("limit of 2 exchanges in progress (limit maxConnections)");
            assertThat(RawHttp.json(refused.body()).at("/error/code").asText()).isEqualTo("stub_overloaded");
        }
    }

    @Test
    void aSlowlorisCrowdDoesNotStopOtherRequests() throws Exception {
        int seconds = Integer.getInteger("stub.slowloris.seconds", 3);
        int sockets = Integer.getInteger("stub.slowloris.sockets", 200);
        try (GatewayStub stub = GatewayStub.builder().limits(StubLimits.DEFAULTS.withTimeouts(2_000, 2_000)).start();
             SocketCrowd crowd = new SocketCrowd(stub)) {
            crowd.open(sockets, "POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\nX-Drip: ");
            List<Long> latencies = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                crowd.drip();
                RawSocket.Outcome outcome = RawSocket.exchange(stub.host(), stub.port(), MODELS, ANSWER_TIMEOUT_MILLIS);
                assertThat(outcome.status()).as("request %d under slowloris: %s", latencies.size(), outcome)
                        .isEqualTo(200);
                latencies.add(outcome.millis());
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "STUB SLOWLORIS | %d sockets for %d s, %d reopened | %d requests, 0 failed"
                            + " | latency p50=%d ms p99=%d ms max=%d ms%n", sockets, seconds, crowd.reopened(),
                    sorted.length, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)],
                    sorted[sorted.length - 1]);
            assertThat(sorted).isNotEmpty();
        }
    }

    /** Sockets that start a request and never finish it; {@link #drip()} keeps them sending, one byte at a time. */
    static final class SocketCrowd implements AutoCloseable {
        private final GatewayStub stub;
        private final List<Socket> sockets = new ArrayList<>();
        private String start = "";
        private int reopened;
        private long lastDrip = System.nanoTime();

        SocketCrowd(GatewayStub stub) {
            this.stub = stub;
        }

        void open(int n, String start) throws IOException {
            this.start = start;
            for (int i = 0; i < n; i++) {
                sockets.add(connect());
            }
        }

        private Socket connect() throws IOException {
            Socket s = new Socket(stub.host(), stub.port());
            s.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return s;
        }

        /** Every 500 ms: one more byte on each socket; a socket the stub closed is opened again. */
        void drip() throws IOException {
            if (System.nanoTime() - lastDrip < 500_000_000L) {
                return;
            }
            lastDrip = System.nanoTime();
            for (int i = 0; i < sockets.size(); i++) {
                try {
                    OutputStream out = sockets.get(i).getOutputStream();
                    out.write('a');
                    out.flush();
                } catch (IOException closedByTheStub) {
                    sockets.get(i).close();
                    sockets.set(i, connect());
                    reopened++;
                }
            }
        }

        int reopened() {
            return reopened;
        }

        @Override
        public void close() throws IOException {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String join(String... parts) {
        return String.join("", Arrays.asList(parts));
    }
}
