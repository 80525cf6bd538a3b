package io.statusnotify.system;

import java.util.Collection;

/** Nearest-rank percentiles of a sample of milliseconds. */
final class Percentiles {
    private Percentiles() {
    }

    static long of(Collection<Long> sample, double percentile) {
        if (sample.isEmpty()) throw new IllegalArgumentException("no sample");
        long[] sorted = sample.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
