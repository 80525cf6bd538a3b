package io.statusnotify.sink.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * How many of each key's notifications wait on the retry topic, per partition number. While a key has any, its newer
 * notifications follow it there instead of overtaking it. Counted from the retry topic when a partition is assigned
 * ({@link RetryScan}), then kept up to date as notifications are parked and finished. Engine thread only.
 */
public final class ParkedKeys {
    private final Map<Integer, Map<String, Integer>> byPartition = new HashMap<>();

    public void load(int partition, Map<String, Integer> counts) {
        byPartition.put(partition, new HashMap<>(counts));
    }

    public void forget(int partition) {
        byPartition.remove(partition);
    }

    public boolean has(int partition, String key) {
        Map<String, Integer> counts = byPartition.get(partition);
        return counts != null && counts.containsKey(key);
    }

    public void parked(int partition, String key) {
        byPartition.computeIfAbsent(partition, p -> new HashMap<>()).merge(key, 1, Integer::sum);
    }

    public void finished(int partition, String key) {
        Map<String, Integer> counts = byPartition.get(partition);
        if (counts != null) counts.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
    }

    public int keys(int partition) {
        Map<String, Integer> counts = byPartition.get(partition);
        return counts == null ? 0 : counts.size();
    }

    /** Records without a key share one lane per partition. */
    public static String laneKey(String recordKey) {
        return recordKey == null ? "\u0000no-key" : recordKey;
    }
}
