package dev.gatewaykit.stub.bench;

import dev.gatewaykit.stub.GatewayStub;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures, in one run, this stub against embedded WireMock (same canned chat reply, WireMock journal off):
 * start → first 200, chat POST throughput at 16 and 64 keep-alive connections, and the stub's RSS idle, after
 * warm-up and after one million requests. Run with {@code ./mvnw -B -pl gateway-stub -Pbench verify -DskipTests}.
 */
public final class StubBenchmark {

    /** JVM flags for the standalone stub process (documented in the README). */
    /**
     * JVM flags for the standalone stub process (documented in the README): {@code c1} (default) is the
     * small-footprint profile, {@code c2} adds the optimising compiler for throughput at the cost of code-cache RSS.
     */
    static List<String> stubFlags(String jit) {
        List<String> flags = new ArrayList<>(List.of("-Xms24m", "-Xmx24m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-Xss256k", "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=48m", "-XX:-UsePerfData",
                "-XX:CICompilerCount=2"));
        if (!"c2".equals(jit)) {
            flags.add("-XX:TieredStopAtLevel=1");
        }
        return List.copyOf(flags);
    }
    static final int STARTUP_RUNS = 5;
    static final double WARMUP_SECONDS = 5;
    static final double MEASURE_SECONDS = 8;
    static final long MILLION = 1_000_000;

    private StubBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "gateway-stub/target/openai-gateway-stub.jar");
        List<String> stubFlags = stubFlags(args.length > 1 ? args[1] : "c1");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");

        String canned;
        try (GatewayStub stub = GatewayStub.builder().start()) {
            canned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(BenchServers.CHAT_BODY)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Path cannedFile = Files.createTempFile("canned-chat", ".json");
        Files.writeString(cannedFile, canned);

        double stubStart = median(startups(java, classpath, "stub", cannedFile, stubFlags));
        double wireMockStart = median(startups(java, classpath, "wiremock", cannedFile, stubFlags));

        List<String> stubCommand = new ArrayList<>(List.of(java));
        stubCommand.addAll(stubFlags);
        stubCommand.addAll(List.of("-jar", jar.toString(), "--port", "0", "--mode", "litellm"));
        ProcessBuilder stubProcess = new ProcessBuilder(stubCommand).redirectErrorStream(true);
        // glibc otherwise keeps one malloc arena per thread that touched native memory.
        stubProcess.environment().put("MALLOC_ARENA_MAX", "2");
        Process stub = stubProcess.start();
        int stubPort = Integer.parseInt(readyLine(stub, "gateway-stub ready: ").replaceAll(".*:(\\d+)/v1.*", "$1"));
        Thread.sleep(1000);
        long idleRss = rssKb(stub.pid());
        byte[] stubRequest = LoadDriver.chatRequest("127.0.0.1", stubPort, BenchServers.CHAT_BODY);
        LoadDriver.throughput("127.0.0.1", stubPort, stubRequest, 64, WARMUP_SECONDS);
        long warmRss = rssKb(stub.pid());
        double stub16 = LoadDriver.throughput("127.0.0.1", stubPort, stubRequest, 16, MEASURE_SECONDS);
        double stub64 = LoadDriver.throughput("127.0.0.1", stubPort, stubRequest, 64, MEASURE_SECONDS);
        long t0 = System.nanoTime();
        LoadDriver.drive("127.0.0.1", stubPort, stubRequest, 64, MILLION);
        double millionSeconds = (System.nanoTime() - t0) / 1e9;
        long millionRss = rssKb(stub.pid());
        stub.toHandle().destroy();
        stub.waitFor();

        Process wm = new ProcessBuilder(java, "-cp", classpath, BenchServers.class.getName(), "serve", "wiremock",
                cannedFile.toString()).redirectErrorStream(true).start();
        int wmPort = Integer.parseInt(readyLine(wm, "wiremock ready: ").replaceAll("\\D", ""));
        Thread.sleep(1000);
        long wmIdleRss = rssKb(wm.pid());
        byte[] wmRequest = LoadDriver.chatRequest("127.0.0.1", wmPort, BenchServers.CHAT_BODY);
        LoadDriver.throughput("127.0.0.1", wmPort, wmRequest, 64, WARMUP_SECONDS);
        double wm16 = LoadDriver.throughput("127.0.0.1", wmPort, wmRequest, 16, MEASURE_SECONDS);
        double wm64 = LoadDriver.throughput("127.0.0.1", wmPort, wmRequest, 64, MEASURE_SECONDS);
        long wmLoadedRss = rssKb(wm.pid());
        wm.toHandle().destroy();
        wm.waitFor();

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Machine: %d cores, JDK %s, %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name")));
        table.append("| metric | gateway-stub | WireMock (embedded, journal off) | ratio | goal |\n");
        table.append("|---|---|---|---|---|\n");
        table.append(row("start → first 200 (ms, median of " + STARTUP_RUNS + ")", stubStart, wireMockStart,
                wireMockStart / stubStart, "≤ 150 ms and ≥ 8× faster"));
        table.append(row("chat POST req/s, 16 connections", stub16, wm16, stub16 / wm16, "≥ 35k/s and ≥ 1.6×"));
        table.append(row("chat POST req/s, 64 connections", stub64, wm64, stub64 / wm64, "≥ 35k/s and ≥ 1.6×"));
        table.append(String.format(Locale.ROOT, "| RSS idle (MB) | %.1f | %.1f | | ≤ 64 MB |%n", idleRss / 1024.0, wmIdleRss / 1024.0));
        table.append(String.format(Locale.ROOT, "| RSS after warm-up (MB) | %.1f | | | |%n", warmRss / 1024.0));
        table.append(String.format(Locale.ROOT, "| RSS after 1M more requests (MB) | %.1f (%+.1f%% vs warm-up, %+.1f%% vs idle; 1M in %.1f s) | %.1f (after load) | | flat within 10%% |%n",
                millionRss / 1024.0, 100.0 * (millionRss - warmRss) / warmRss, 100.0 * (millionRss - idleRss) / idleRss,
                millionSeconds, wmLoadedRss / 1024.0));
        table.append("\nStub JVM flags: ").append(String.join(" ", stubFlags)).append(" (env MALLOC_ARENA_MAX=2)\n");
        System.out.println();
        System.out.println(table);
        Path out = Path.of(jar.getParent().toString(), "bench-results.md");
        Files.writeString(out, table.toString());
        System.out.println("written to " + out);
    }

    private static String row(String metric, double stub, double wm, double ratio, String goal) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f× | %s |%n", metric, stub, wm, ratio, goal);
    }

    private static List<Double> startups(String java, String classpath, String server, Path canned,
            List<String> flags) throws Exception {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < STARTUP_RUNS; i++) {
            List<String> cmd = new ArrayList<>(List.of(java));
            if (server.equals("stub")) {
                cmd.addAll(flags);
            }
            cmd.addAll(List.of("-cp", classpath, BenchServers.class.getName(), "startup", server, canned.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String line = readyLine(p, "startup-ms ");
            p.waitFor();
            out.add(Double.parseDouble(line.substring("startup-ms ".length()).trim()));
        }
        return out;
    }

    private static String readyLine(Process p, String prefix) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(prefix)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (Exception ignored) {
                        // process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line;
            }
        }
        throw new IllegalStateException("process ended without '" + prefix + "'");
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
