package dev.gatewaykit.stub.bench;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay with 1,000 fixtures loaded: requests per second, and heap used after a full GC at every tenth of the run,
 * which stays flat when nothing grows per request. Run:
 * {@code java -cp <test classpath> dev.gatewaykit.stub.bench.ReplayBenchmark [requests] [connections]}.
 */
public final class ReplayBenchmark {

    private static final int FIXTURES = 1000;

    private ReplayBenchmark() {
    }

    /** Prints the fixture count, req/s and the heap after GC per tenth. */
    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("replay-bench");
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= FIXTURES; i++) {
            String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"question " + i + "\"}]}";
            bodies.add(body);
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "%04d-chat-completions-gpt-4o-mini.json", i)),
                    "{\"request\":{\"method\":\"POST\",\"path\":\"/chat/completions\",\"model\":\"gpt-4o-mini\",\"body\":" + body
                    + "},\"response\":{\"status\":200,\"headers\":{},\"body\":{\"id\":\"chatcmpl-" + i + "\",\"object\":"
                    + "\"chat.completion\",\"created\":1764662400,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"answer " + i + "\"},\"finish_reason\":\"stop\"}]}}}");
        }
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).replay(dir).start()) {
            List<byte[]> requests = bodies.stream().map(b -> LoadDriver.chatRequest(stub.host(), stub.port(), b)).toList();
            drive(stub, requests, connections, Math.min(total / 10, 50_000)); // warm-up
            System.out.printf("fixtures=%d requests=%d connections=%d java=%s cores=%d%n", FIXTURES, total, connections,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf("heap after GC before the run: %.1f MiB%n", heapAfterGc());
            long t0 = System.nanoTime();
            for (int tenth = 1; tenth <= 10; tenth++) {
                drive(stub, requests, connections, total / 10);
                System.out.printf("after %,9d requests: heap after GC %.1f MiB%n", total / 10 * tenth, heapAfterGc());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("replay throughput: %.0f req/s over %.1f s (GC pauses for the heap probes included)%n",
                    total / seconds, seconds);
        }
    }

    private static void drive(GatewayStub stub, List<byte[]> requests, int connections, long count) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(stub.host(), stub.port())) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                    long i;
                    while ((i = next.getAndIncrement()) < count) {
                        out.write(requests.get((int) (i % requests.size())));
                        out.flush();
                        if (LoadDriver.readResponse(in) != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " failed replay requests");
        }
    }

    private static double heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
