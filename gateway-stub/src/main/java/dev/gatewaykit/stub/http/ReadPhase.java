package dev.gatewaykit.stub.http;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * What the exchange on the current thread is waiting for from its client: its head, its body, or to take the
 * reply. A watchdog reads it to cut clients that stall; handler code moves it along. Threads that no watchdog
 * tracks (a handler called directly) see no-ops.
 */
public final class ReadPhase {

    /** The stages a watchdog may cut. */
    public enum Stage {
        /** Request line and headers are being read by the HTTP server. */
        HEAD,
        /** The handler reads the request body. */
        BODY,
        /** The handler computes or streams the reply: never cut (streams and injected latency are legitimate). */
        SERVING,
        /** A complete reply is being written and the rest of the request drained. */
        REPLY
    }

    private static final ThreadLocal<ReadPhase> CURRENT = new ThreadLocal<>();

    private final Thread thread;
    private final boolean refusing;
    private Stage stage = Stage.HEAD;
    private long sinceNanos = System.nanoTime();
    private boolean done;
    private boolean cut;

    private ReadPhase(Thread thread, boolean refusing) {
        this.thread = thread;
        this.refusing = refusing;
    }

    /** Starts tracking an exchange on the current thread; {@code refusing} marks an exchange to be refused. */
    public static ReadPhase begin(boolean refusing) {
        ReadPhase phase = new ReadPhase(Thread.currentThread(), refusing);
        CURRENT.set(phase);
        return phase;
    }

    /** Ends tracking; no cut can reach the thread afterwards, and a late one is cleared. */
    public void end() {
        synchronized (this) {
            done = true;
        }
        CURRENT.remove();
        Thread.interrupted();
    }

    /** Whether the current exchange is to be answered with a refusal (the server is at its connection cap). */
    public static boolean refusing() {
        ReadPhase p = CURRENT.get();
        return p != null && p.refusing;
    }

    /** The head arrived and the handler starts: the body deadline starts now. */
    public static void bodyStarts() throws IOException {
        move(Stage.BODY);
    }

    /** The body was read: from now on the handler works without a deadline. */
    public static void serving() throws IOException {
        move(Stage.SERVING);
    }

    /** A complete reply is about to be written: writing it and draining the request get the body deadline. */
    public static void replying() throws IOException {
        move(Stage.REPLY);
    }

    private static void move(Stage next) throws IOException {
        ReadPhase p = CURRENT.get();
        if (p == null) {
            return;
        }
        synchronized (p) {
            if (p.cut) {
                throw new InterruptedIOException("the client took longer than allowed to send its request");
            }
            p.stage = next;
            p.sinceNanos = System.nanoTime();
        }
    }

    /** Whether this exchange was cut by a watchdog. */
    public synchronized boolean wasCut() {
        return cut;
    }

    /** The current stage. */
    public synchronized Stage stage() {
        return stage;
    }

    /** Nanoseconds spent in the current stage. */
    public synchronized long nanosInStage(long now) {
        return now - sinceNanos;
    }

    /**
     * Cuts the exchange if it is still in {@code stage} past {@code limitNanos}: interrupts its thread, which closes
     * the socket it is blocked on (socket channels are interruptible).
     *
     * @return whether it was cut
     */
    public synchronized boolean cutIfOverdue(Stage stage, long limitNanos, long now) {
        if (done || cut || this.stage != stage || now - sinceNanos < limitNanos) {
            return false;
        }
        cut = true;
        thread.interrupt();
        return true;
    }
}
