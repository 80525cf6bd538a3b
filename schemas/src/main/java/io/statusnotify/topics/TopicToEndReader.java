package io.statusnotify.topics;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic from its beginning (or from a time) up to the end it had when the read began, without a consumer
 * group: nothing is committed, so reading changes nothing for anyone. Give it a consumer without a group, with
 * {@code isolation.level=read_committed} (the end is then the last stable offset); it is assigned the topic here.
 * Kafka's failures are thrown as they come ({@link org.apache.kafka.common.KafkaException}).
 */
public final class TopicToEndReader {
    private TopicToEndReader() {
    }

    /**
     * Every record of {@code topic}, or those written at or after {@code since} when it is not null. Throws
     * {@link TopicReadException} when the topic does not exist, or when no record came for {@code timeout} before
     * the end was reached.
     */
    public static void read(Consumer<String, byte[]> consumer, String topic, Instant since, Duration timeout,
                            java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) throw new TopicReadException(topic, TopicReadException.Reason.NO_SUCH_TOPIC);
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        seek(consumer, partitions, since, end, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!atEnd(consumer, partitions, end, timeout)) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                deadline = System.nanoTime() + timeout.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw new TopicReadException(topic, TopicReadException.Reason.NO_RECORDS);
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
        }
    }

    private static void seek(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant since,
                             Map<TopicPartition, Long> end, Duration timeout) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
        }
    }

    private static boolean atEnd(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                 Map<TopicPartition, Long> end, Duration timeout) {
        return partitions.stream().allMatch(p -> consumer.position(p, timeout) >= end.get(p));
    }
}
