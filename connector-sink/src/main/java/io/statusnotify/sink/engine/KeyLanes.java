package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.offsets.PartitionWork;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every key's lane: the notifications taken and not finished, one lane per record key, topic and partition, each in
 * offset order. Counts those of the notifications topic (its backpressure). Engine thread only.
 */
final class KeyLanes {
    private final Map<String, KeyLane> main = new HashMap<>();
    private final Map<String, KeyLane> retry = new HashMap<>();
    private final Map<PartitionWork, Set<KeyLane>> byPartition = new HashMap<>();
    private int bufferedMain;

    /** Queues the item behind its key's earlier ones in the partition (a new lane, of its tenant, when none); its lane. */
    KeyLane add(PartitionWork work, String recordKey, Item item) {
        String key = ParkedKeys.laneKey(recordKey);
        Map<String, KeyLane> lanes = work.retryTopic ? retry : main;
        KeyLane lane = lanes.get(mapKey(work, key));
        if (lane == null) {
            lane = new KeyLane(key, item.tenant, work);
            lanes.put(mapKey(work, key), lane);
            byPartition.computeIfAbsent(work, w -> new HashSet<>()).add(lane);
        }
        item.shareNames(lane);
        lane.items.add(item);
        if (!work.retryTopic) bufferedMain++;
        return lane;
    }

    /** The retry topic's lane of the record key in the partition, or null. */
    KeyLane retryLane(PartitionWork work, String recordKey) {
        return retry.get(mapKey(work, ParkedKeys.laneKey(recordKey)));
    }

    /** Takes the lane's head out. */
    Item pop(KeyLane lane) {
        Item item = lane.items.poll();
        if (!lane.fromRetryTopic()) bufferedMain--;
        return item;
    }

    /** The lane is empty and idle: the key's next notification starts a new one. */
    void forget(KeyLane lane) {
        (lane.fromRetryTopic() ? retry : main).remove(mapKey(lane.work, lane.key), lane);
        Set<KeyLane> lanes = byPartition.get(lane.work);
        if (lanes != null && lanes.remove(lane) && lanes.isEmpty()) byPartition.remove(lane.work);
    }

    /**
     * The partition's lanes are set aside with what they hold: each is handed to {@code settle} before it is emptied,
     * for the counts kept elsewhere.
     */
    void setAside(PartitionWork work, Consumer<KeyLane> settle) {
        Set<KeyLane> lanes = byPartition.remove(work);
        if (lanes == null) return;
        for (KeyLane lane : lanes) {
            (work.retryTopic ? retry : main).remove(mapKey(work, lane.key), lane);
            settle.accept(lane);
            if (!work.retryTopic) bufferedMain -= lane.items.size();
            lane.items.clear();
        }
    }

    /** A key's lane belongs to one partition (keyless records, or a topic that grew, could otherwise mix two). */
    private static String mapKey(PartitionWork work, String key) {
        return work.partition.partition() + "\u0000" + key;
    }

    /** The tenants some lane names. */
    Set<String> tenants() {
        Set<String> names = new HashSet<>();
        for (Collection<KeyLane> lanes : List.of(main.values(), retry.values())) {
            lanes.forEach(lane -> names.add(lane.tenant));
        }
        return names;
    }

    Collection<KeyLane> mainLanes() {
        return Collections.unmodifiableCollection(main.values());
    }

    Collection<KeyLane> retryLanes() {
        return Collections.unmodifiableCollection(retry.values());
    }

    /** Notifications of the notifications topic in the lanes. */
    int bufferedMain() {
        return bufferedMain;
    }
}
