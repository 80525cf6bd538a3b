package io.statusnotify.sink.engine;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantHistory.Minute;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A tenant's deliveries, failed attempts and delivery latencies over the last hour, in a ring of one-minute buckets
 * (as {@link RecentCounts} keeps the last five minutes): a bucket is reset when its minute comes round again, so
 * memory stays fixed, and it goes with the tenant's {@link TenantState} when the tenant is forgotten. A minute's
 * latencies are kept only once it has a delivery ({@link LatencyBuckets}). Engine thread only; the snapshots are
 * immutable, for any thread.
 */
final class MinuteHistory {
    private static final int MINUTES = TenantHistory.MINUTES;
    private static final long MINUTE_MILLIS = TenantHistory.MINUTE_MILLIS;
    /** Immutable, as each snapshot's minutes, so the record's copy of them is no copy at all. */
    private static final List<Minute> QUIET_HOUR =
            List.of(Collections.nCopies(MINUTES, Minute.NOTHING).toArray(Minute[]::new));

    private final long[] starts = new long[MINUTES];
    private final long[] deliveries = new long[MINUTES];
    private final long[] failures = new long[MINUTES];
    private final LatencyBuckets[] latencies = new LatencyBuckets[MINUTES];
    /** A past minute's figures, worked out once: it changes no more (unless the clock is set back). */
    private final Minute[] done = new Minute[MINUTES];
    /** The last snapshot, handed out again while nothing was recorded and its minute lasts. */
    private TenantHistory last;

    MinuteHistory() {
        Arrays.fill(starts, Long.MIN_VALUE);
    }

    /** A tenant the engine holds nothing of yet: an hour of zeros. */
    static TenantHistory quiet(String tenant, long now) {
        return new TenantHistory(tenant, firstStart(now), (int) MINUTE_MILLIS, QUIET_HOUR);
    }

    void delivered(long now, long latencyMillis) {
        int i = bucket(now);
        deliveries[i]++;
        if (latencies[i] == null) latencies[i] = new LatencyBuckets();
        latencies[i].record(latencyMillis);
    }

    void failed(long now) {
        failures[bucket(now)]++;
    }

    /** The hour up to {@code now}'s minute, oldest first; minutes without a bucket of their own are zeros. */
    TenantHistory snapshot(String tenant, long now) {
        long first = firstStart(now);
        if (last != null && last.startEpochMillis() == first) return last;
        long current = first + (MINUTES - 1) * MINUTE_MILLIS;
        Minute[] minutes = new Minute[MINUTES];
        for (int m = 0; m < MINUTES; m++) {
            long start = first + m * MINUTE_MILLIS;
            int i = slot(start);
            if (starts[i] != start) {
                minutes[m] = Minute.NOTHING;
            } else if (start == current) {
                minutes[m] = minute(i);
            } else {
                if (done[i] == null) done[i] = minute(i);
                minutes[m] = done[i];
            }
        }
        last = new TenantHistory(tenant, first, (int) MINUTE_MILLIS, List.of(minutes));
        return last;
    }

    private Minute minute(int i) {
        return new Minute(deliveries[i], failures[i], latencies[i] == null ? null : latencies[i].percentile(0.99));
    }

    /** {@code now}'s bucket, emptied first when it still holds the minute an hour (or more) before. */
    private int bucket(long now) {
        long start = now - Math.floorMod(now, MINUTE_MILLIS);
        int i = slot(start);
        if (starts[i] != start) {
            starts[i] = start;
            deliveries[i] = 0;
            failures[i] = 0;
            if (latencies[i] != null) latencies[i].clear();
        }
        done[i] = null;
        last = null;
        return i;
    }

    private static int slot(long minuteStart) {
        return (int) Math.floorMod(Math.floorDiv(minuteStart, MINUTE_MILLIS), (long) MINUTES);
    }

    private static long firstStart(long now) {
        return now - Math.floorMod(now, MINUTE_MILLIS) - (MINUTES - 1) * MINUTE_MILLIS;
    }
}
