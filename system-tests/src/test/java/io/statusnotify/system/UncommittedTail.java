package io.statusnotify.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a transactional writer has on a topic but not committed yet: per partition, the offsets between the last
 * stable offset (where a {@code read_committed} reader stops) and the end of the log.
 */
final class UncommittedTail {
    private final Admin admin;
    private final Map<TopicPartition, OffsetSpec> latest;

    UncommittedTail(Admin admin, String topic, int partitions) {
        this.admin = admin;
        this.latest = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
    }

    /** Per partition number, how many offsets lie beyond the last stable one. */
    Map<Integer, Long> byPartition() {
        Map<TopicPartition, Long> end = offsets(IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> stable = offsets(IsolationLevel.READ_COMMITTED);
        Map<Integer, Long> tail = new TreeMap<>();
        end.forEach((tp, offset) -> tail.put(tp.partition(), offset - stable.get(tp)));
        return tail;
    }

    private Map<TopicPartition, Long> offsets(IsolationLevel isolation) {
        try {
            return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(10, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the offsets of " + latest.keySet(), e);
        }
    }
}
