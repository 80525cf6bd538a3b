package io.statusnotify.cli;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a topic from its beginning (or from a time) up to the end it had when the read began, without a consumer
 * group: nothing is committed, so reading changes nothing for anyone.
 */
final class TopicToEnd {
    private TopicToEnd() {
    }

    /** Every record of {@code topic}, or those written at or after {@code since} when it is not null. */
    static void read(KafkaClients clients, String topic, Instant since, Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer()) {
            List<TopicPartition> partitions = clients.partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = clients.call("read " + topic, () -> consumer.endOffsets(partitions, clients.timeout()));
            seek(clients, consumer, partitions, since, end);
            long deadline = System.nanoTime() + clients.timeout().toNanos();
            while (!atEnd(clients, consumer, partitions, end)) {
                var records = clients.call("read " + topic, () -> consumer.poll(Duration.ofMillis(200)));
                if (!records.isEmpty()) {
                    deadline = System.nanoTime() + clients.timeout().toNanos();
                } else if (System.nanoTime() > deadline) {
                    throw OpsFailure.failed("cannot read " + topic + " to its end: no records for "
                            + clients.timeout().toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private static void seek(KafkaClients clients, KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                             Instant since, Map<TopicPartition, Long> end) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = clients.call("read " + partitions.get(0).topic(),
                () -> consumer.offsetsForTimes(query, clients.timeout()));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
        }
    }

    private static boolean atEnd(KafkaClients clients, KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                 Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> clients.call("read " + p.topic(),
                () -> consumer.position(p, clients.timeout())) >= end.get(p));
    }
}
