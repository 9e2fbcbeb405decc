package dev.gatewaykit.portkey.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged output of a child process, read line by line on a daemon thread. Waiters block until a line matches
 * (woken by each new line, no polling interval), and the last lines are kept for the failure message.
 */
final class ProcessOutput {

    private static final int KEPT_LINES = 200;

    private final String name;

    private final Process process;

    private final Deque<String> lines = new ArrayDeque<>();

    private boolean ended;

    private ProcessOutput(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts reading {@code process}'s standard output (start it with {@code redirectErrorStream(true)}). */
    static ProcessOutput follow(String name, Process process) {
        ProcessOutput output = new ProcessOutput(name, process);
        Thread reader = new Thread(() -> output.read(process.getInputStream()), name + "-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    if (this.lines.size() == KEPT_LINES) {
                        this.lines.removeFirst();
                    }
                    this.lines.addLast(line);
                    notifyAll();
                }
            }
        }
        catch (IOException ex) {
            // The process was destroyed while we read: the output simply ends.
        }
        finally {
            synchronized (this) {
                this.ended = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the first line matching {@code pattern}.
     * @throws IllegalStateException when the process ends or {@code timeout} passes first, with its last output
     */
    synchronized Matcher await(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : this.lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            long left = deadline - System.nanoTime();
            if (this.ended || left <= 0) {
                throw new IllegalStateException(this.name + " did not print /" + pattern + "/ within " + timeout
                        + (this.ended ? " (its output ended, exit " + exitCode() + ")" : "") + "; last output:\n"
                        + tail());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + this.name, ex);
            }
        }
    }

    private String exitCode() {
        try {
            return this.process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(this.process.exitValue()) : "none yet";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The last lines printed, for failure messages. */
    synchronized String tail() {
        return String.join("\n", this.lines);
    }

    /** Stops the process (and what it started), forcibly if it has not ended within ten seconds. */
    static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted stopping " + process.pid(), ex));
        }
    }

}
