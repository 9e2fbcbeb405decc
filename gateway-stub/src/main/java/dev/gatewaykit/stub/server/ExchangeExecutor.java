package dev.gatewaykit.stub.server;

import dev.gatewaykit.stub.StubLimits;
import dev.gatewaykit.stub.http.ReadPhase;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor behind the JDK HTTP server. The JDK reads a request's head on the executor's thread, blocking, so a
 * client that stalls would hold a worker; here it holds a connection slot instead:
 * <ul>
 *   <li>{@code workerThreads} threads serve; a watchdog adds one thread per exchange whose client has stalled for
 *       more than {@value #STALL_MILLIS} ms (up to {@code maxConnections}), so stalled clients never starve the
 *       others;</li>
 *   <li>the watchdog cuts (closes) an exchange whose head, body or complete reply takes longer than its deadline,
 *       whatever JVM-wide {@code sun.net.httpserver.*} properties say;</li>
 *   <li>an exchange over the cap and the queue goes to one refusal thread, whose handler answers 503; when that
 *       lane is full too, the JDK server closes the connection.</li>
 * </ul>
 */
public final class ExchangeExecutor implements Executor, AutoCloseable {

    private static final long STALL_MILLIS = 100;
    private static final long TICK_MILLIS = 25;
    private static final int REFUSAL_QUEUE = 32;

    private final int workerThreads;
    private final int maxConnections;
    private final long headNanos;
    private final long bodyNanos;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor refusals;
    private final ScheduledExecutorService watchdog;
    private final Set<ReadPhase> serving = ConcurrentHashMap.newKeySet();
    private final Set<ReadPhase> refusing = ConcurrentHashMap.newKeySet();

    /** Starts the pools and the watchdog for {@code limits}. */
    public ExchangeExecutor(StubLimits limits) {
        this.workerThreads = limits.workerThreads();
        this.maxConnections = limits.maxConnections();
        this.headNanos = TimeUnit.MILLISECONDS.toNanos(limits.headerTimeoutMillis());
        this.bodyNanos = TimeUnit.MILLISECONDS.toNanos(limits.bodyTimeoutMillis());
        this.workers = new ThreadPoolExecutor(workerThreads, maxConnections, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queueCapacity()), daemonThreads("gateway-stub-worker-"));
        this.refusals = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(REFUSAL_QUEUE),
                daemonThreads("gateway-stub-refusal-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("gateway-stub-watchdog-"));
        watchdog.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        try {
            workers.execute(tracked(exchange, serving, false));
        } catch (RejectedExecutionException full) {
            // Throws again when the refusal lane is full: the JDK server then closes the connection.
            refusals.execute(tracked(exchange, refusing, true));
        }
    }

    private static Runnable tracked(Runnable exchange, Set<ReadPhase> in, boolean refuse) {
        return () -> {
            ReadPhase phase = ReadPhase.begin(refuse);
            in.add(phase);
            try {
                exchange.run();
            } finally {
                in.remove(phase);
                phase.end();
            }
        };
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            int stalled = 0;
            for (ReadPhase phase : serving) {
                if (overdueOrStalled(phase, now)) {
                    stalled++;
                }
            }
            for (ReadPhase phase : refusing) {
                overdueOrStalled(phase, now);
            }
            // While clients stall, what waits in the queue may be stuck behind them: give it threads at once
            // rather than one tick per doubling.
            int queued = stalled > 0 ? workers.getQueue().size() : 0;
            int target = (int) Math.min(maxConnections, (long) workerThreads + stalled + queued);
            if (target != workers.getCorePoolSize()) {
                workers.setCorePoolSize(target);
            }
        } catch (RuntimeException | Error e) {
            // The watchdog must outlive anything odd in one tick (a scheduled task that throws is never run again).
        }
    }

    /** Cuts the exchange when past its deadline; otherwise tells whether its client has stalled. */
    private boolean overdueOrStalled(ReadPhase phase, long now) {
        ReadPhase.Stage stage = phase.stage();
        long limit = switch (stage) {
            case HEAD -> headNanos;
            case BODY, REPLY -> bodyNanos;
            case SERVING -> -1;
        };
        if (limit < 0) {
            return false;
        }
        if (phase.cutIfOverdue(stage, limit, now)) {
            return false;
        }
        return phase.nanosInStage(now) >= TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
    }

    /** Threads currently alive in the serving pool. */
    public int poolSize() {
        return workers.getPoolSize();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        workers.shutdownNow();
        refusals.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
