package io.statusnotify.system;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What came of one side of an {@link IsolationRun}: what each tenant got, what was sent, what the receipts say. */
record SideResult(String label, PipelineEnv env, long startMillis, Map<String, Deliveries> byTenant,
                  Map<String, List<Long>> sentByUser, Receipts receipts) {

    /**
     * Latencies (arrival − creationTimestamp) of the first delivery of each notification to {@code tenants},
     * created {@code warmUp} or later after the traffic began.
     */
    List<Long> latencies(Collection<String> tenants, Duration warmUp) {
        long from = startMillis + warmUp.toMillis();
        return tenants.stream().flatMap(t -> byTenant.get(t).firstDeliveries().stream())
                .filter(d -> d.creationTimestamp() >= from)
                .map(Deliveries.Delivery::latencyMillis).toList();
    }

    /** p99 latency of {@code tenants} per {@code bucket} of creation time since the start: where it went up. */
    Map<Long, Long> p99Timeline(Collection<String> tenants, Duration bucket) {
        Map<Long, List<Long>> byBucket = tenants.stream().flatMap(t -> byTenant.get(t).firstDeliveries().stream())
                .collect(Collectors.groupingBy(d -> (d.creationTimestamp() - startMillis) / bucket.toMillis()
                                * bucket.toSeconds(), TreeMap::new,
                        Collectors.mapping(Deliveries.Delivery::latencyMillis, Collectors.toList())));
        Map<Long, Long> timeline = new LinkedHashMap<>();
        byBucket.forEach((second, latencies) -> timeline.put(second, Percentiles.of(latencies, 99)));
        return timeline;
    }

    Map<String, List<Long>> sentByUserOf(String tenant) {
        return sentByUser.entrySet().stream().filter(e -> e.getKey().startsWith(tenant + "/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    Set<Long> sentSequenceNums() {
        return sentByUser.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }
}
