package io.statusnotify.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of latencies in milliseconds (count 0: every figure is 0).
 *
 * @param count deliveries the figures are computed from
 */
public record LatencySummary(int count, int p50, int p95, int p99, int max) {
    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    /** Sorts a copy; the caller's array is left as it was. */
    static LatencySummary of(int[] latenciesMs, int length) {
        if (length == 0) return EMPTY;
        int[] sorted = Arrays.copyOf(latenciesMs, length);
        Arrays.sort(sorted);
        return new LatencySummary(length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[length - 1]);
    }

    /** Nearest rank: the smallest value with at least {@code pct} % of the values at or below it. */
    static int percentile(int[] sorted, double pct) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
