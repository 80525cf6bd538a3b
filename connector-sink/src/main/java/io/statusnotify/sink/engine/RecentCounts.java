package io.statusnotify.sink.engine;

/** A count over the last five minutes, in ten 30-second buckets (so it drops off smoothly). Engine thread only. */
final class RecentCounts {
    static final long WINDOW_MILLIS = 300_000;
    private static final int BUCKETS = 10;
    private static final long BUCKET_MILLIS = WINDOW_MILLIS / BUCKETS;
    private final long[] counts = new long[BUCKETS];
    private final long[] starts = new long[BUCKETS];

    void add(long now) {
        long start = now - Math.floorMod(now, BUCKET_MILLIS);
        int i = (int) Math.floorMod(start / BUCKET_MILLIS, (long) BUCKETS);
        if (starts[i] != start) {
            starts[i] = start;
            counts[i] = 0;
        }
        counts[i]++;
    }

    long total(long now) {
        long oldest = now - Math.floorMod(now, BUCKET_MILLIS) - (BUCKETS - 1) * BUCKET_MILLIS;
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (starts[i] >= oldest && starts[i] <= now) sum += counts[i];
        }
        return sum;
    }
}
