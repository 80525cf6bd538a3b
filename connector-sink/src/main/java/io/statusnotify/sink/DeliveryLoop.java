package io.statusnotify.sink;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sink's consumer thread: polls notifications and hands each to {@link RecordDelivery}, one at a time, in
 * partition order. Waits between attempts are polls with every partition paused, so the consumer stays in its
 * group; a rebalance during such a wait commits what is done and, if the record in hand lost its partition,
 * abandons it and the rest of that partition's batch (the new owner starts from the committed offset).
 */
final class DeliveryLoop implements Runnable, ConsumerRebalanceListener, Waiter {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final TenantConfigView view;
    private final RecordDelivery delivery;
    private final DoneOffsets done;
    private final Set<TopicPartition> revokedInBatch = new HashSet<>();
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile boolean running = true;
    private boolean waiting;
    private TopicPartition inHand;
    private long lastPollAt;

    DeliveryLoop(KafkaConsumer<String, byte[]> consumer, String topic, TenantConfigView view, RecordDelivery delivery) {
        this.consumer = consumer;
        this.topic = topic;
        this.view = view;
        this.delivery = delivery;
        this.done = new DoneOffsets(consumer);
    }

    @Override
    public void run() {
        try {
            while (running && !view.awaitCaughtUp(Duration.ofMillis(100))) {
                // Delivering before the view is complete would drop notifications of tenants not read yet.
            }
            consumer.subscribe(List.of(topic), this);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                lastPollAt = System.nanoTime();
                revokedInBatch.clear();
                deliverBatch(records);
                done.commit();
            }
        } catch (WakeupException e) {
            // close() interrupted a poll.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Delivery stopped by an unexpected error", e);
        } finally {
            assigned = Set.of();
            try {
                done.commitOnShutdown();
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    private void deliverBatch(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running || revokedInBatch.contains(partition)) break;
                inHand = partition;
                if (delivery.deliver(record, this) == RecordDelivery.Outcome.DONE && !revokedInBatch.contains(partition)) {
                    done.markDone(partition, record.offset());
                }
                keepAliveIfDue();
            }
        }
        inHand = null;
    }

    /** A long batch of slow but successful deliveries must not outlive max.poll.interval.ms either. */
    private void keepAliveIfDue() {
        if (System.nanoTime() - lastPollAt > KEEP_ALIVE_EVERY.toNanos()) {
            await(Duration.ZERO);
        }
    }

    @Override
    public boolean await(Duration wait) {
        if (!running) return false;
        waiting = true;
        consumer.pause(consumer.assignment());
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            do {
                long remaining = Math.max(0, deadline - System.nanoTime());
                ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofNanos(remaining));
                lastPollAt = System.nanoTime();
                rewind(unexpected);
            } while (running && !revokedInBatch.contains(inHand) && System.nanoTime() < deadline);
        } catch (WakeupException e) {
            return false;
        } finally {
            waiting = false;
            consumer.resume(consumer.assignment());
        }
        return running && !revokedInBatch.contains(inHand);
    }

    /** Paused partitions return nothing; should records ever come anyway, they are read again later, not lost. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            long first = records.records(partition).get(0).offset();
            LOG.warn("Poll during a wait returned records of {}; rewinding to {}", partition, first);
            consumer.seek(partition, first);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (waiting) consumer.pause(partitions);
        assigned = Set.copyOf(consumer.assignment());
        LOG.info("Assigned {}", partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        done.commitRevoked(partitions);
        revokedInBatch.addAll(partitions);
        assigned = Set.copyOf(consumer.assignment());
        LOG.info("Revoked {}", partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        done.forget(partitions);
        revokedInBatch.addAll(partitions);
        assigned = Set.of();
        LOG.warn("Lost {} (their done but uncommitted records will be delivered again)", partitions);
    }

    boolean hasPartitions() {
        return !assigned.isEmpty();
    }

    /** Asks the loop to stop: no new records; a wait ends at once; the record in hand finishes its attempt. */
    void stop() {
        running = false;
        consumer.wakeup();
    }
}
