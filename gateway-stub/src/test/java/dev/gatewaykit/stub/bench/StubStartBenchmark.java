package dev.gatewaykit.stub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Start to first 200 of the standalone stub jar against the floor of its design, a bare JDK {@code HttpServer}
 * hello-world jar, in the same run: a fresh JVM per start, both started with the same JVM flags, paired rounds whose
 * order alternates (stub first in even rounds, bare first in odd ones). A start is timed from just before the
 * process is spawned to the first 200 answer (the stub: LiteLLM {@code GET /health/liveliness}; the bare server:
 * {@code GET /}); each server binds port 0 and prints its port once it serves. JDK only, so it runs from the test
 * classes alone:
 * <pre>
 * ./mvnw -B -q -pl gateway-stub package -DskipTests   # builds target/openai-gateway-stub.jar and the test classes
 * java -cp gateway-stub/target/test-classes dev.gatewaykit.stub.bench.StubStartBenchmark \
 *     gateway-stub/target/openai-gateway-stub.jar 15 flags
 * </pre>
 * Arguments: the stub jar, the rounds (at least 15), and {@code flags} (both JVMs with the stub's documented
 * small-footprint flags, {@link #DOCUMENTED_FLAGS}) or {@code plain} (both with the JVM's defaults).
 */
public final class StubStartBenchmark {

    /** The standalone stub's documented JVM flags (the c1 profile of {@code StubBenchmark}). */
    static final List<String> DOCUMENTED_FLAGS = List.of("-Xms24m", "-Xmx24m", "-XX:+AlwaysPreTouch",
            "-XX:+UseSerialGC", "-Xss256k", "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=48m",
            "-XX:-UsePerfData", "-XX:CICompilerCount=2", "-XX:TieredStopAtLevel=1");

    static final int MIN_ROUNDS = 15;

    private static final Pattern PORT = Pattern.compile("https?://[^:/\\s]+:(\\d+)");

    private static final long START_TIMEOUT_SECONDS = 120;

    private StubStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path stubJar = Path.of(args.length > 0 ? args[0] : "gateway-stub/target/openai-gateway-stub.jar");
        int rounds = Math.max(MIN_ROUNDS, args.length > 1 ? Integer.parseInt(args[1]) : MIN_ROUNDS);
        boolean documentedFlags = args.length <= 2 || !"plain".equals(args[2]);
        if (!Files.isRegularFile(stubJar)) {
            throw new IllegalArgumentException("No stub jar at " + stubJar.toAbsolutePath()
                    + ": build it with ./mvnw -B -q -pl gateway-stub package -DskipTests");
        }
        Path bareJar = bareServerJar();
        List<String> flags = documentedFlags ? DOCUMENTED_FLAGS : List.of();
        List<String> stubCommand = command(flags, stubJar, "--port", "0", "--mode", "litellm");
        List<String> bareCommand = command(flags, bareJar);

        // One unmeasured start of each: the page cache holds both jars and the JDK before round 1.
        startToFirst200(stubCommand, "/health/liveliness");
        startToFirst200(bareCommand, "/");

        double[] stub = new double[rounds];
        double[] bare = new double[rounds];
        double[] ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                stub[round] = startToFirst200(stubCommand, "/health/liveliness");
                bare[round] = startToFirst200(bareCommand, "/");
            }
            else {
                bare[round] = startToFirst200(bareCommand, "/");
                stub[round] = startToFirst200(stubCommand, "/health/liveliness");
            }
            ratio[round] = stub[round] / bare[round];
            System.out.printf(Locale.ROOT, "round %2d  stub %7.1f ms  bare %7.1f ms  ratio %.2f%n", round + 1,
                    stub[round], bare[round], ratio[round]);
        }
        System.out.printf(Locale.ROOT, "%nJDK %s, %d cores, load average %s, JVM flags: %s, %d paired rounds%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage(),
                documentedFlags ? String.join(" ", flags) : "JVM defaults", rounds);
        System.out.println("| start to first 200 | median | min | max |");
        System.out.println("|---|---|---|---|");
        row("stub jar (ms)", stub);
        row("bare JDK HttpServer jar (ms)", bare);
        row("stub / bare, per round", ratio);
        Files.deleteIfExists(bareJar);
    }

    private static List<String> command(List<String> flags, Path jar, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Spawns the server, waits for its port line, polls until a 200; milliseconds from spawn to that 200. */
    static double startToFirst200(List<String> command, String path) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            int port = port(process);
            URI uri = URI.create("http://127.0.0.1:" + port + path);
            while (true) {
                if (status(uri) == 200) {
                    return (System.nanoTime() - start) / 1e6;
                }
                if ((System.nanoTime() - start) > TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS)) {
                    throw new IllegalStateException("No 200 from " + uri + " within " + START_TIMEOUT_SECONDS + " s");
                }
                Thread.onSpinWait();
            }
        }
        finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int port(Process process) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = PORT.matcher(line);
                    if (line.contains("ready") && matcher.find()) {
                        Thread drain = new Thread(() -> drain(process.getInputStream()));
                        drain.setDaemon(true);
                        drain.start();
                        return Integer.parseInt(matcher.group(1));
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("The server exited without a ready line:\n" + seen);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        return port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        }
        catch (IOException ex) {
            // The process ended.
        }
    }

    private static int status(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            connection.disconnect();
            return status;
        }
        catch (IOException ex) {
            return -1;
        }
    }

    /** A jar holding only {@link BareServer}, with it as the main class: the floor, JDK and nothing else. */
    private static Path bareServerJar() throws IOException {
        String entry = BareServer.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, BareServer.class.getName());
        Path jar = Files.createTempFile("bare-httpserver", ".jar");
        try (InputStream classFile = StubStartBenchmark.class.getClassLoader().getResourceAsStream(entry);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            if (classFile == null) {
                throw new IllegalStateException("Cannot find " + entry + " on the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static void row(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        String format = name.contains("ratio") || name.contains("/") ? "| %s | %.2f | %.2f | %.2f |%n"
                : "| %s | %.1f | %.1f | %.1f |%n";
        System.out.printf(Locale.ROOT, format, name, median, sorted[0], sorted[sorted.length - 1]);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }

    /** The bare JDK {@code HttpServer} hello world: 200 "ok" on every path, port 0, one ready line. */
    public static final class BareServer {

        private BareServer() {
        }

        public static void main(String[] args) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", (exchange) -> {
                byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            System.out.println("bare ready: http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

    }

}
