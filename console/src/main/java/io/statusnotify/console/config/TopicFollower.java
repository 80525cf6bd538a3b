package io.statusnotify.console.config;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reads one topic from its beginning on a thread of its own, committed records only, and hands each record to a
 * listener on that thread. No consumer group: every console reads it all. {@link #sync} waits until what was
 * committed before the call has been read, so a page reloaded after a save shows the save.
 */
final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> listener;
    /** A wait for the reader: past {@code offsets} (partition to the offset to read past), or to the end when null. */
    private record Sync(Map<Integer, Long> offsets, CompletableFuture<Void> done) {
    }

    private final ConcurrentLinkedQueue<Sync> syncs = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Why the reader stopped on its own; null while it reads. */
    private volatile RuntimeException failed;

    TopicFollower(Map<String, Object> kafka, String topic, Consumer<ConsumerRecord<String, byte[]>> listener) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "statusnotify-console-" + topic);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.listener = listener;
        this.thread = new Thread(this::run, "console-" + topic);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits until every record committed before this call has been handed to the listener. */
    void sync(Duration timeout) throws TimeoutException {
        await(new Sync(null, new CompletableFuture<>()), timeout);
    }

    /**
     * Waits until the record at {@code offset} of {@code partition} has been read (or skipped as aborted): the end
     * offsets alone do not do after a write, since a transaction's markers may land after its commit returned.
     */
    void syncPast(int partition, long offset, Duration timeout) throws TimeoutException {
        await(new Sync(Map.of(partition, offset + 1), new CompletableFuture<>()), timeout);
    }

    private void await(Sync sync, Duration timeout) throws TimeoutException {
        syncs.add(sync);
        // A reader that stopped takes no more requests: fail now rather than after the whole timeout.
        RuntimeException stopped = failed;
        if (stopped != null || !thread.isAlive() && thread.getState() != Thread.State.NEW) {
            sync.done().completeExceptionally(stopped != null ? stopped : new IllegalStateException("not reading"));
        }
        try {
            sync.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            throw new TimeoutException(topic + ": " + e.getCause().getMessage());
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(topic + ": no such topic (the apps create it when they first start)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                Sync waiting = syncs.poll();
                if (waiting != null) {
                    readTo(waiting.offsets() == null ? consumer.endOffsets(partitions) : targets(waiting.offsets()));
                    waiting.done().complete(null);
                    continue;
                }
                poll();
            }
        } catch (WakeupException e) {
            if (running) fail(new IllegalStateException("woken up unexpectedly", e));
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void fail(RuntimeException e) {
        failed = e;
        LOG.error("Stopped reading {}: {}", topic, e.toString());
        syncs.forEach(sync -> sync.done().completeExceptionally(e));
    }

    /** Reading, or not started yet: false once the reader stopped on its own. */
    boolean healthy() {
        return failed == null && (thread.isAlive() || thread.getState() == Thread.State.NEW);
    }

    private void readTo(Map<TopicPartition, Long> ends) {
        while (running && ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) poll();
    }

    private Map<TopicPartition, Long> targets(Map<Integer, Long> offsets) {
        Map<TopicPartition, Long> targets = new HashMap<>();
        offsets.forEach((partition, offset) -> targets.put(new TopicPartition(topic, partition), offset));
        return targets;
    }

    /** Short polls: a sync waits for the next one to end (no wakeup, which any other blocking call would catch). */
    private void poll() {
        consumer.poll(POLL).forEach(listener);
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
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
