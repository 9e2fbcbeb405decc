package dev.gatewaykit.hardening.soak;

import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.RoleCall;
import dev.gatewaykit.hardening.support.TestSettings;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubLimits;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.StubStats;
import dev.gatewaykit.stub.keys.VirtualKey;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak: many callers share one {@link GatewayClients} (one pool, one dispatcher) and hammer the three roles, plain
 * and streamed, against a LiteLLM-mode stub for a fixed time ({@code -Dhardening.soak.duration}, default 30s;
 * {@code -Dhardening.soak.callers}, default 64). It passes when no call fails, every answer belongs to its own
 * request (no cross-talk between concurrent streams), the stub saw exactly the calls made (no hidden retries), no
 * connection is left checked out, and threads and connections stay within what the callers can explain. The figures
 * are printed as one summary block for the README.
 */
class SoakTest {

    private static final RoleCall[] MIX = RoleCall.values();

    @Test
    void concurrentCallersOverTheThreeRolesRunWithoutErrorsAndWithBoundedThreadsAndConnections() throws Exception {
        Duration duration = parseDuration(System.getProperty("hardening.soak.duration", "30s"));
        int callers = Integer.parseInt(System.getProperty("hardening.soak.callers", "64"));
        PlantedKey key = PlantedKey.openAiStyle("soak");
        StubLimits limits = StubLimits.DEFAULTS;

        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).limits(limits)
                .virtualKey(VirtualKey.builder(key.value()).alias("soak").build()).start();
             GatewayClients clients = GatewayClients.create(TestSettings.variables()
                     .set("OPENAI_BASE_URL", stub.baseUrl())
                     .set("OPENAI_API_KEY", key.value())
                     .set("OPENAI_GATEWAY", "litellm")
                     .resolve())) {
            // Warm up class loading and the pool outside the measured window.
            for (RoleCall call : MIX) {
                call.run(clients, "warm-up " + call);
            }
            stub.reset();

            ConnectionPool pool = clients.http().okHttpClient().connectionPool();
            Map<RoleCall, LongAdder> perCall = new EnumMap<>(RoleCall.class);
            for (RoleCall call : MIX) {
                perCall.put(call, new LongAdder());
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicLong failureCount = new AtomicLong();
            List<LatencyLog> logs = new ArrayList<>();
            ExecutorService pool64 = Executors.newFixedThreadPool(callers, r -> {
                Thread t = new Thread(r, "soak-caller");
                t.setDaemon(true);
                return t;
            });
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            long[] window = new long[2];
            try (ResourceSampler sampler = new ResourceSampler(pool, "gateway-stub-worker-")) {
                long[] deadline = new long[1];
                for (int c = 0; c < callers; c++) {
                    int caller = c;
                    LatencyLog log = new LatencyLog();
                    logs.add(log);
                    running.add(pool64.submit(() -> {
                        ready.countDown();
                        go.await();
                        for (long n = 0; System.nanoTime() < deadline[0]; n++) {
                            RoleCall call = MIX[(int) ((caller + n) % MIX.length)];
                            String token = "caller-" + caller + "-call-" + n;
                            long start = System.nanoTime();
                            try {
                                String answer = call.run(clients, "soak " + token);
                                if (call != RoleCall.EMBEDDINGS && !answer.contains(token)) {
                                    throw new AssertionError("answer for " + token + " was '" + answer + "'");
                                }
                                log.add(System.nanoTime() - start);
                                perCall.get(call).increment();
                            } catch (Throwable t) {
                                if (failureCount.incrementAndGet() <= 5) {
                                    failures.add(call + " " + token + ": " + (t instanceof AssertionError ? t
                                            : clients.explain(call.role(), t).describe()));
                                }
                            }
                        }
                        return null;
                    }));
                }
                ready.await();
                sampler.start();
                window[0] = System.nanoTime();
                deadline[0] = window[0] + duration.toNanos();
                go.countDown();
                for (Future<?> f : running) {
                    f.get(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS);
                }
                window[1] = System.nanoTime();
                pool64.shutdown();
                sampler.close();

                long[] latencies = LatencyLog.merged(logs);
                long requests = latencies.length;
                double seconds = (window[1] - window[0]) / 1e9;
                StubStats.Snapshot stats = stub.stats();
                int inUseAfter = pool.connectionCount() - pool.idleConnectionCount();
                String summary = String.format(Locale.ROOT,
                        "HARDENING SOAK | callers=%d duration=%.1fs | requests=%d (%s) | %.0f req/s"
                                + " | latency p50=%.2f ms p99=%.2f ms max=%.2f ms | unexpected errors=%d"
                                + " | JVM threads: baseline=%d peak=%d (stub workers peak=%d of %d)"
                                + " | client pool connections: peak=%d, checked out after run=%d"
                                + " | process sockets peak=%s | stub saw %d requests, %d errors",
                        callers, seconds, requests, breakdown(perCall), requests / seconds,
                        LatencyLog.percentileMillis(latencies, 50), LatencyLog.percentileMillis(latencies, 99),
                        LatencyLog.percentileMillis(latencies, 100), failureCount.get(),
                        sampler.baselineThreads(), sampler.peakThreads(), sampler.maxStubWorkers(),
                        limits.workerThreads(), sampler.maxConnections(), inUseAfter,
                        sampler.maxSockets() < 0 ? "n/a" : String.valueOf(sampler.maxSockets()),
                        stats.requests(), stats.errors());
                System.out.println();
                System.out.println(summary);
                System.out.println();
                writeReport(summary);

                assertThat(failures).as("unexpected errors (first 5 of %d)", failureCount.get()).isEmpty();
                assertThat(requests).as("calls completed").isGreaterThan(callers);
                assertThat(perCall.values()).as("every call kind ran").allMatch(n -> n.sum() > 0);
                assertThat(stats.requests()).as("requests the stub saw = calls made (no hidden retries or losses)")
                        .isEqualTo(requests);
                assertThat(stats.errors()).as("error answers from the stub").isZero();
                assertThat(inUseAfter).as("connections still checked out after every call ended (leaked"
                        + " responses or streams)").isZero();
                // Each caller holds at most one connection; the pool may keep up to 5 idle ones besides.
                assertThat(sampler.maxConnections()).as("client pool connections").isBetween(1, callers + 5);
                // The stub serves with workerThreads and lends a thread to each exchange whose client is slow to
                // send (so a stalled client never holds a worker); maxConnections caps the two together.
                assertThat(sampler.maxStubWorkers()).as("stub worker threads").isLessThanOrEqualTo(
                        limits.maxConnections());
                // Callers + stub workers + the stub's accept thread + OkHttp's pool cleaner and the sampler; the
                // slack covers JVM-internal threads (JIT compilers scale with load).
                assertThat(sampler.peakThreads()).as("peak JVM threads").isLessThanOrEqualTo(
                        sampler.baselineThreads() + callers + limits.maxConnections() + 4 + 16);
                if (sampler.maxSockets() >= 0) {
                    // Both ends of every loopback connection live in this process.
                    assertThat(sampler.maxSockets()).as("open sockets").isLessThanOrEqualTo(
                            2 * (callers + 5) + 32);
                }
            } finally {
                pool64.shutdownNow();
            }
        }
    }

    private static String breakdown(Map<RoleCall, LongAdder> perCall) {
        List<String> parts = new ArrayList<>();
        perCall.forEach((call, n) -> parts.add(call.name().toLowerCase(Locale.ROOT).replace('_', '-') + "=" + n.sum()));
        return String.join(", ", parts);
    }

    private static void writeReport(String summary) throws IOException {
        Path dir = Path.of(System.getProperty("hardening.report.dir", "target/hardening"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("soak-summary.txt"), summary + System.lineSeparator());
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT30S}). */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("hardening.soak.duration '" + text
                    + "' is not like 30s, 500ms, 2m or PT30S");
        };
    }
}
