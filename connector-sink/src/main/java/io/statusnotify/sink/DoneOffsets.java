package io.statusnotify.sink;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Offsets of records that are finished (delivered, dropped or dead-lettered) and not yet committed. Only these are
 * ever committed: at-least-once. Used from the consumer thread only.
 */
final class DoneOffsets {
    private static final Logger LOG = LoggerFactory.getLogger(DoneOffsets.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();

    DoneOffsets(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    void markDone(TopicPartition partition, long offset) {
        pending.put(partition, new OffsetAndMetadata(offset + 1));
    }

    void commit() {
        commit(new HashMap<>(pending));
    }

    void commitRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
        partitions.forEach(p -> {
            if (pending.containsKey(p)) revoked.put(p, pending.get(p));
        });
        commit(revoked);
        forget(partitions);
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
    }

    /** A wakeup left pending by close() would fail the last commit: that one is consumed and the commit retried. */
    void commitOnShutdown() {
        try {
            commit();
        } catch (WakeupException e) {
            commit();
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) return;
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> pending.remove(partition, offset));
        } catch (CommitFailedException e) {
            // The group moved on without us: the new owner re-delivers from the last commit (at-least-once).
            LOG.warn("Commit of {} failed after a rebalance; those records will be delivered again", offsets);
            forget(offsets.keySet());
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Commit of {} failed ({}); will retry with the next commit", offsets, e.toString());
        }
    }
}
