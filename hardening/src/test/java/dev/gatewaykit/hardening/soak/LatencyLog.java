package dev.gatewaykit.hardening.soak;

import java.util.Arrays;
import java.util.Collection;

/** One caller's call latencies in nanoseconds; single-writer, merged after the run for percentiles. */
final class LatencyLog {

    private long[] nanos = new long[4096];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    /** All latencies of {@code logs}, sorted. */
    static long[] merged(Collection<LatencyLog> logs) {
        long[] all = new long[logs.stream().mapToInt(LatencyLog::size).sum()];
        int at = 0;
        for (LatencyLog log : logs) {
            System.arraycopy(log.nanos, 0, all, at, log.size);
            at += log.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** The {@code p}-th percentile (0 &lt; p &le; 100) of sorted values, in milliseconds. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
