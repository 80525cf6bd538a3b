package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every notification the receivers get during one phase: latency by arrival second, duplicates by sequenceNum and
 * order per key ({@code tenant/memberID}; sequence numbers grow in produce order, per user). Which numbers count
 * and which were seen is the {@link Identity}'s job (sink and pipeline mode number differently). Thread-safe (the receiver's I/O
 * threads call it; one lock is cheap next to an HTTP request).
 */
final class Recorder {
    private final String name;
    private final long startMs;
    private final Identity identity;
    private final List<Ints> perSecond = new ArrayList<>();
    private final Ints all = new Ints();
    /** The highest sequence number seen per tenant and member id. */
    private final Map<String, Map<String, LastSequence>> lastByKey = new HashMap<>();
    private long requests;
    private long duplicates;
    private long orderViolations;
    private long unreadable;
    private long delivered;
    private long firstArrivalMs = -1;
    private long lastArrivalMs = -1;

    Recorder(String name, long startMs) {
        this(name, startMs, 0);
    }

    /** @param firstSequence notifications numbered below it (the warm-up's, arriving late) are not counted */
    Recorder(String name, long startMs, long firstSequence) {
        this(name, startMs, new Sequences(firstSequence));
    }

    Recorder(String name, long startMs, Identity identity) {
        this.name = name;
        this.startMs = startMs;
        this.identity = identity;
    }

    void record(String tenant, byte[] body, long arrivalMs) {
        // Scanned outside the lock: the receiver's I/O threads only queue for the bookkeeping.
        NotificationScanner.Fields fields = NotificationScanner.scan(body);
        if (fields.complete() && !identity.counts(fields.sequenceNum())) return;
        synchronized (this) {
            count(tenant, fields, arrivalMs);
        }
    }

    private void count(String tenant, NotificationScanner.Fields fields, long arrivalMs) {
        requests++;
        if (!fields.complete() || !identity.readable(fields.sequenceNum())) {
            unreadable++;
            return;
        }
        long seq = fields.sequenceNum();
        if (!identity.firstArrival(seq, arrivalMs)) {
            duplicates++;
            return;
        }
        delivered++;
        // Two lookups instead of building a tenant/memberID key per record; no Long boxed either.
        LastSequence last = lastByKey.computeIfAbsent(tenant, t -> new HashMap<>())
                .computeIfAbsent(fields.memberId(), m -> new LastSequence());
        if (last.value > seq) orderViolations++;
        else last.value = seq;
        if (firstArrivalMs < 0) firstArrivalMs = arrivalMs;
        lastArrivalMs = Math.max(lastArrivalMs, arrivalMs);
        int latency = (int) Math.max(0, Math.min(Integer.MAX_VALUE, arrivalMs - fields.creationTimestamp()));
        all.add(latency);
        second(arrivalMs).add(latency);
    }

    long startMs() {
        return startMs;
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized PhaseResult result(long expected) {
        List<PhaseResult.SecondStats> seconds = PerSecond.series(perSecond);
        double active = firstArrivalMs < 0 ? 0 : Math.max(1, lastArrivalMs - firstArrivalMs) / 1000.0;
        double wall = lastArrivalMs < 0 ? 0 : Math.max(0, lastArrivalMs - startMs) / 1000.0;
        // A phase with one delivery (or all in one millisecond) has no meaningful rate.
        double throughput = delivered < 2 ? 0 : delivered / active;
        int peak = seconds.stream().mapToInt(PhaseResult.SecondStats::deliveries).max().orElse(0);
        return new PhaseResult(name, expected, delivered, requests, duplicates, orderViolations, unreadable,
                throughput, peak, active, wall, all.summary(), seconds, null, null);
    }

    private Ints second(long arrivalMs) {
        return PerSecond.bucket(perSecond, (int) Math.max(0, (arrivalMs - startMs) / 1000));
    }

    private static final class LastSequence {
        long value = -1;
    }
}
