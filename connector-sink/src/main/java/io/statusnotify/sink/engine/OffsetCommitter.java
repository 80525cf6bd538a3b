package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Commits, per partition, the lowest unfinished offset with the offset map of finished records above it
 * ({@link PartitionWork#toCommit}): asynchronously once per commit interval while delivering, synchronously when
 * partitions are handed over or the sink stops. A failed commit is logged and covered by the next one. Engine thread
 * only.
 */
final class OffsetCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommitter.class);
    private final Consumer<?, ?> consumer;
    private final Clock clock;
    private final long intervalMillis;
    private final Predicate<TopicPartition> heldForScan;
    private long lastCommitAt;

    /** {@code heldForScan}: partitions whose commit read at assignment must stay as it is until they may deliver. */
    OffsetCommitter(Consumer<?, ?> consumer, Clock clock, Duration interval, Predicate<TopicPartition> heldForScan) {
        this.consumer = consumer;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.heldForScan = heldForScan;
    }

    /** Commits asynchronously when the interval has passed since the last commit of any kind. */
    void commitIfDue(Collection<PartitionWork> works) {
        if (clock.millis() - lastCommitAt >= intervalMillis) commit(false, works);
    }

    /** Commits and waits for the answer; a {@link WakeupException} is the caller's. */
    void commitNow(Collection<PartitionWork> works) {
        commit(true, works);
    }

    private void commit(boolean sync, Collection<PartitionWork> works) {
        lastCommitAt = clock.millis();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, PartitionWork> byPartition = new HashMap<>();
        for (PartitionWork work : works) {
            // A held pair has nothing outstanding and its commit read at assignment stays as it is.
            if (work.isRevoked() || heldForScan.test(work.partition)) continue;
            OffsetAndMetadata commit = work.toCommit(consumer.position(work.partition));
            if (commit != null) {
                offsets.put(work.partition, commit);
                byPartition.put(work.partition, work);
            }
        }
        if (offsets.isEmpty()) return;
        try {
            if (sync) {
                consumer.commitSync(offsets);
                offsets.forEach((tp, commit) -> byPartition.get(tp).committed(commit));
            } else {
                consumer.commitAsync(offsets, (committed, error) -> {
                    if (error == null) {
                        committed.forEach((tp, commit) -> byPartition.get(tp).committed(commit));
                    } else {
                        LOG.warn("Commit failed ({}); the next one will cover it", error.toString());
                    }
                });
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Commit of {} failed ({}); those records may be delivered again", offsets.keySet(), e.toString());
        }
    }
}
