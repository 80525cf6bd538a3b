package io.statusnotify.sink.engine;

import java.util.Arrays;

/**
 * One minute's HTTP latencies as counts in log-scale buckets, for its p99: 0 to 7 ms exact, then four buckets per
 * doubling (none wider than a quarter of its lower edge), all from 2^20 ms (17 min, past the longest timeouts) in the
 * last: 77 ints, where keeping the samples would grow with the traffic and HdrHistogram is not a dependency. A
 * percentile reads as its bucket's upper edge capped at the slowest latency seen: never under the exact value, at
 * most 25 % over, exact when one latency fills the bucket. Engine thread only.
 */
final class LatencyBuckets {
    private static final int LAST_OCTAVE = 19;
    static final int BUCKETS = index(1L << (LAST_OCTAVE + 1)) + 1;

    private final int[] counts = new int[BUCKETS];
    private long recorded;
    private long slowest;

    void record(long millis) {
        long at = Math.max(0, millis);
        counts[Math.min(index(at), BUCKETS - 1)]++;
        recorded++;
        slowest = Math.max(slowest, at);
    }

    void clear() {
        Arrays.fill(counts, 0);
        recorded = 0;
        slowest = 0;
    }

    /** The nearest-rank percentile ({@code quantile} 0.99 for p99), as above; null when nothing was recorded. */
    Long percentile(double quantile) {
        if (recorded == 0) return null;
        long rank = Math.max(1, (long) Math.ceil(quantile * recorded));
        long seen = 0;
        int i = 0;
        while ((seen += counts[i]) < rank) i++;
        return Math.min(upperEdge(i), slowest);
    }

    /** 0..3 as they are; then the doubling {@code e} (2^e <= millis) and the two bits after its leading one. */
    private static int index(long millis) {
        if (millis < 4) return (int) millis;
        int e = 63 - Long.numberOfLeadingZeros(millis);
        return 4 * (e - 1) + (int) ((millis >> (e - 2)) & 3);
    }

    private static long upperEdge(int index) {
        if (index < 4) return index;
        if (index == BUCKETS - 1) return Long.MAX_VALUE;
        int e = index / 4 + 1;
        return ((5L + index % 4) << (e - 2)) - 1;
    }
}
