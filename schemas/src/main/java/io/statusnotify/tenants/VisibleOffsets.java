package io.statusnotify.tenants;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until committed records are visible to read_committed readers (the apps, the console, {@code tenant get}):
 * {@code commitTransaction} returns before the transaction's markers are on the partitions, and until they are,
 * such readers stop short of the records. Asks the partitions' last stable offsets, nothing is consumed.
 */
final class VisibleOffsets implements AutoCloseable {
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private final KafkaConsumer<byte[], byte[]> consumer;

    VisibleOffsets(Map<String, ?> clientConfig, String clientId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-offsets");
        // The client config is the producer's too: consumer-only names are all it needs from it.
        config.keySet().retainAll(ConsumerConfig.configNames());
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Throws Kafka's {@link TimeoutException} when they are not visible within {@code timeout}. */
    void await(List<RecordMetadata> written, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> wanted = new HashMap<>();
        written.forEach(record -> wanted.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max));
        while (true) {
            Map<TopicPartition, Long> stable = consumer.endOffsets(wanted.keySet(), timeout);
            if (wanted.entrySet().stream().allMatch(w -> stable.getOrDefault(w.getKey(), 0L) >= w.getValue())) return;
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("committed, but not visible to read_committed readers within " + timeout);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
