package io.statusnotify.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.statusnotify.sink.status.SinkMetrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One sink instance's own figures of what it owns, read from its meters: how often the group gave it each partition
 * ({@code sns.sink.partitions.assigned}) and how often it gave one up ({@code sns.sink.partitions.revoked}), by
 * {@code notifications-N} / {@code retry-N}.
 */
record PartitionCounts(Map<String, Double> assigned, Map<String, Double> revoked) {

    static PartitionCounts of(MeterRegistry meters) {
        return new PartitionCounts(read(meters, SinkMetrics.PARTITIONS_ASSIGNED), read(meters, SinkMetrics.PARTITIONS_REVOKED));
    }

    /** Nothing counted yet: an instance that has not started. */
    static PartitionCounts none() {
        return new PartitionCounts(Map.of(), Map.of());
    }

    private static Map<String, Double> read(MeterRegistry meters, String name) {
        Map<String, Double> counts = new TreeMap<>();
        for (Counter counter : meters.find(name).counters()) {
            counts.merge(counter.getId().getTag("topic") + "-" + counter.getId().getTag("partition"), counter.count(),
                    Double::sum);
        }
        return counts;
    }

    /** What the instance owns now: given to it once more than it gave up. */
    Set<String> owned() {
        return assigned.keySet().stream().filter(p -> assigned.get(p) - revoked.getOrDefault(p, 0.0) == 1)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Partitions assigned since {@code earlier}, with how often. */
    Map<String, Double> assignedSince(PartitionCounts earlier) {
        return since(assigned, earlier.assigned);
    }

    Map<String, Double> revokedSince(PartitionCounts earlier) {
        return since(revoked, earlier.revoked);
    }

    private static Map<String, Double> since(Map<String, Double> now, Map<String, Double> then) {
        Map<String, Double> moved = new TreeMap<>();
        now.forEach((p, count) -> {
            double delta = count - then.getOrDefault(p, 0.0);
            if (delta != 0) moved.put(p, delta);
        });
        return moved;
    }
}
