package io.statusnotify.system;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a stopped sink may deliver again once restarted, read from the broker: the notifications it had delivered
 * whose records (on the notifications or the retry topic) lie at or above its group's committed offsets. The sink
 * never sends a record below its committed offset again; of those above it, it skips the finished ones its offset
 * map names, so this is an upper bound of its redeliveries.
 */
record UncommittedDeliveries(Map<TopicPartition, OffsetAndMetadata> committed, Set<Long> sequenceNums) {

    UncommittedDeliveries {
        committed = Map.copyOf(committed);
        sequenceNums = Set.copyOf(sequenceNums);
    }

    /** The sink group's commits as the broker has them now, and which of {@code delivered} they leave uncovered. */
    static UncommittedDeliveries of(SinkGroup group, PipelineEnv env, Set<Long> delivered) {
        Map<TopicPartition, OffsetAndMetadata> committed = group.committed();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(
                TopicReader.readAll(env.bootstrapServers(), env.topics().notifications()));
        records.addAll(TopicReader.readAll(env.bootstrapServers(), env.topics().notificationsRetry()));
        Set<Long> uncovered = records.stream()
                .filter(r -> isAtOrAboveCommit(committed, r))
                .map(r -> SeedNotification.read(r.value()).path("sequenceNum").asLong())
                .filter(delivered::contains)
                .collect(Collectors.toSet());
        return new UncommittedDeliveries(committed, uncovered);
    }

    private static boolean isAtOrAboveCommit(Map<TopicPartition, OffsetAndMetadata> committed,
                                             ConsumerRecord<String, String> record) {
        OffsetAndMetadata commit = committed.get(new TopicPartition(record.topic(), record.partition()));
        return commit == null || record.offset() >= commit.offset();
    }

    int count() {
        return sequenceNums.size();
    }

    /** {@code topic-0@312, …}: the committed offsets, for a log line. */
    String offsets() {
        return committed.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition)))
                .map(e -> e.getKey() + "@" + e.getValue().offset())
                .collect(Collectors.joining(", "));
    }
}
