package io.statusnotify.bench;

import io.statusnotify.streams.SequenceNumbers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When each notification became visible to a {@code read_committed} consumer (as the sink is): the streams app
 * commits its transaction every {@code commit.interval.ms}, and only then may the sink read what it wrote. One
 * consumer, assigned every partition of the notifications topic from the beginning (no group, no rebalance),
 * stamps each record with the time its poll returned, by the input partition and offset its sequenceNum decodes
 * to, and keeps the creationTimestamp too (event → visible is the first stage, visible → POST received the second).
 */
final class VisibilityProbe implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VisibilityProbe.class);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final OffsetTable visible;
    private final OffsetTable created;
    private final Thread thread = new Thread(this, "visibility-probe");
    private volatile boolean running = true;
    private long seen;
    private long[] measuredFrom = new long[0];
    private long measuredSeen;
    private long unreadable;

    /** @param inputPartitions of the input topic (the tables are indexed by input partition and offset) */
    VisibilityProbe(String bootstrapServers, String topic, int partitions, int inputPartitions, long epochMs) {
        for (int p = 0; p < partitions; p++) this.partitions.add(new TopicPartition(topic, p));
        this.visible = new OffsetTable(inputPartitions, epochMs);
        this.created = new OffsetTable(inputPartitions, epochMs);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-visibility-probe",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // Small fetch waits: a record visible on the broker but waiting for a fuller fetch would count
                // against the streams app.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                if (!records.isEmpty()) stamp(records, now);
            }
        } catch (WakeupException e) {
            // close() ended a poll.
        } catch (RuntimeException e) {
            LOG.error("the visibility probe stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Records the poll's return time for each notification (duplicates keep their first time). */
    synchronized void stamp(Iterable<ConsumerRecord<byte[], byte[]>> records, long visibleMs) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            NotificationScanner.Fields fields = NotificationScanner.scan(record.value() == null ? new byte[0] : record.value());
            long seq = fields.sequenceNum();
            int partition = SequenceNumbers.partitionOf(seq);
            if (seq < 0 || fields.creationTimestamp() < 0 || partition >= visible.partitions()) {
                unreadable++;
                continue;
            }
            long offset = SequenceNumbers.offsetOf(seq);
            if (visible.putIfAbsent(partition, offset, visibleMs)) {
                created.putIfAbsent(partition, offset, fields.creationTimestamp());
                seen++;
                if (partition < measuredFrom.length && offset >= measuredFrom[partition]) measuredSeen++;
            }
        }
    }

    synchronized long seen() {
        return seen;
    }

    /** From now on, count the notifications of input events from these offsets on (the measured ones). */
    synchronized void measureFrom(long[] from) {
        this.measuredFrom = from.clone();
        this.measuredSeen = 0;
    }

    /** Measured notifications seen (see {@link #measureFrom}): the streams app's progress on them. */
    synchronized long measuredSeen() {
        return measuredSeen;
    }

    synchronized long unreadable() {
        return unreadable;
    }

    /** When the notification of input (partition, offset) became visible, or {@link OffsetTable#ABSENT}. */
    synchronized long visibleMs(int partition, long offset) {
        return visible.get(partition, offset);
    }

    synchronized long createdMs(int partition, long offset) {
        return created.get(partition, offset);
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
