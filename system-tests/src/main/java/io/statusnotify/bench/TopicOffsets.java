package io.statusnotify.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Partition counts and offsets of a topic, through the admin client. */
final class TopicOffsets {
    private TopicOffsets() {
    }

    static int partitions(Admin admin, String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e, e);
        }
    }

    static Map<TopicPartition, Long> of(Admin admin, String topic, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions(admin, topic); p++) request.put(new TopicPartition(topic, p), spec);
        try {
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot list offsets of " + topic + ": " + e, e);
        }
    }

    /** The offsets by partition number, as an array. */
    static long[] array(Map<TopicPartition, Long> offsets) {
        long[] array = new long[offsets.size()];
        offsets.forEach((tp, offset) -> array[tp.partition()] = offset);
        return array;
    }
}
