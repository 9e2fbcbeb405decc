package dev.gatewaykit.hardening.soak;

import okhttp3.ConnectionPool;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Samples, while the soak runs, what must stay bounded: live JVM threads (plus the JVM's own peak counter), the
 * client pool's connections, the stub's busy worker threads and, where {@code /proc} exists, the process's open
 * sockets (client and stub ends of every loopback connection).
 */
final class ResourceSampler implements AutoCloseable {

    private static final Path FDS = Path.of("/proc/self/fd");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ConnectionPool pool;
    private final String stubWorkerPrefix;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-sampler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger maxLiveThreads = new AtomicInteger();
    private final AtomicInteger maxConnections = new AtomicInteger();
    private final AtomicInteger maxStubWorkers = new AtomicInteger();
    private final AtomicInteger maxSockets = new AtomicInteger(-1);
    private final AtomicInteger samples = new AtomicInteger();
    private final int baselineThreads;

    ResourceSampler(ConnectionPool pool, String stubWorkerPrefix) {
        this.pool = pool;
        this.stubWorkerPrefix = stubWorkerPrefix;
        this.baselineThreads = threads.getThreadCount();
        threads.resetPeakThreadCount();
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        maxLiveThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
        maxConnections.accumulateAndGet(pool.connectionCount(), Math::max);
        int workers = (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(stubWorkerPrefix)).count();
        maxStubWorkers.accumulateAndGet(workers, Math::max);
        openSockets().ifPresent(n -> maxSockets.accumulateAndGet(n, Math::max));
        samples.incrementAndGet();
    }

    static OptionalInt openSockets() {
        if (!Files.isDirectory(FDS)) {
            return OptionalInt.empty();
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return OptionalInt.of((int) fds.filter(ResourceSampler::isSocket).count());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException | RuntimeException closedMeanwhile) {
            return false;
        }
    }

    int baselineThreads() {
        return baselineThreads;
    }

    int peakThreads() {
        return Math.max(threads.getPeakThreadCount(), maxLiveThreads.get());
    }

    int maxConnections() {
        return maxConnections.get();
    }

    int maxStubWorkers() {
        return maxStubWorkers.get();
    }

    /** Highest open-socket count seen, or -1 where {@code /proc} is unavailable. */
    int maxSockets() {
        return maxSockets.get();
    }

    int samples() {
        return samples.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
