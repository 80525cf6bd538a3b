package io.statusnotify.bench;

import java.util.List;

/**
 * What the receivers saw during one phase (the sink's or the baseline's).
 *
 * @param expected           notifications produced for this phase
 * @param delivered          distinct notifications received (by sequenceNum)
 * @param requests           POSTs received, duplicates included
 * @param duplicates         POSTs of a sequenceNum already received
 * @param orderViolations    first deliveries of a key older than one already received for that key
 * @param unreadable         POSTs without the fields the harness reads (should be 0)
 * @param throughputPerSecond distinct deliveries per second, first to last arrival (the drain rate when preloaded)
 * @param peakPerSecond      distinct deliveries in the busiest second
 * @param activeSeconds      first to last arrival
 * @param wallSeconds        phase start (sink started, or first record produced) to last arrival
 * @param latency            arrival − creationTimestamp (the produce time), over the whole phase
 * @param perSecond          by arrival second since the phase start
 * @param heap               the sink JVM's heap (null for the baseline)
 * @param cpu                CPU seconds of each process during the phase
 */
public record PhaseResult(
        String name,
        long expected,
        long delivered,
        long requests,
        long duplicates,
        long orderViolations,
        long unreadable,
        double throughputPerSecond,
        int peakPerSecond,
        double activeSeconds,
        double wallSeconds,
        LatencySummary latency,
        List<SecondStats> perSecond,
        HeapStats heap,
        CpuUse cpu) {

    /** Deliveries and latency percentiles of the deliveries that arrived in second {@code second} of the phase. */
    public record SecondStats(int second, int deliveries, int p50, int p95, int p99, int max) {
    }

    public long missing() {
        return Math.max(0, expected - delivered);
    }

    PhaseResult with(HeapStats heapStats, CpuUse cpuUse) {
        return new PhaseResult(name, expected, delivered, requests, duplicates, orderViolations, unreadable,
                throughputPerSecond, peakPerSecond, activeSeconds, wallSeconds, latency, perSecond, heapStats, cpuUse);
    }
}
