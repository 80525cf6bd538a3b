package io.statusnotify.sink.kafka;

import io.statusnotify.sink.offsets.DoneRanges;
import io.statusnotify.sink.offsets.OffsetMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Counts, per key, the notifications still waiting on one retry-topic partition (from its committed offset to its
 * end, minus those the commit's offset map says are done). Done when the partition is assigned and before anything
 * of it is delivered, so a newer notification never overtakes one parked by an earlier owner. Scans run on its own
 * thread ({@link #count}), one after another: the consumer is not thread-safe ({@link #wakeup()} excepted).
 */
public final class RetryScan implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetryScan.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private final Consumer<String, Void> consumer;
    private final ExecutorService thread;
    private final String group;
    private final Duration hold;

    /** Over {@code consumer} (assigned by hand, outside the group), scanning on {@code thread}; closes both. */
    public RetryScan(Consumer<String, Void> consumer, ExecutorService thread, String group, Duration hold) {
        this.consumer = consumer;
        this.thread = thread;
        this.group = group;
        this.hold = hold;
    }

    /** The app's consumer for it: keys only. */
    public static Consumer<String, Void> consumer(Properties kafka) {
        Properties props = Readers.ungrouped(kafka, "statusnotify-sink-retry-scan");
        // Only keys matter here: large fetches make counting a long backlog quick.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        return new KafkaConsumer<>(props, new StringDeserializer(), new SkippedValue());
    }

    /** The app's scan thread: one, so scans never share the consumer. */
    public static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread scan = new Thread(runnable, "sink-retry-scan");
            scan.setDaemon(true);
            return scan;
        });
    }

    /**
     * Counts on the scan thread, after the scans asked for before; {@code counted} or {@code failed} runs there with
     * the answer, neither once {@code abandoned} is true. Shutting down, nothing runs.
     */
    public void count(TopicPartition partition, OffsetAndMetadata committed, Duration timeout, BooleanSupplier abandoned,
               java.util.function.Consumer<Map<String, Integer>> counted,
               java.util.function.Consumer<RuntimeException> failed) {
        try {
            thread.execute(() -> {
                try {
                    counted.accept(waitingPerKey(partition, committed, timeout, abandoned));
                } catch (CancellationException e) {
                    // Revoked or shutting down: no one waits for this count.
                } catch (RuntimeException e) {
                    if (!abandoned.getAsBoolean()) failed.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the pair stays held and is never delivered here.
        }
    }

    /**
     * Throws {@link org.apache.kafka.common.errors.TimeoutException} when it cannot finish within {@code timeout}, and
     * {@link CancellationException} soon after {@code abandoned} turns true (its partition was revoked meanwhile).
     */
    private Map<String, Integer> waitingPerKey(TopicPartition partition, OffsetAndMetadata committed, Duration timeout,
                                       BooleanSupplier abandoned) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> one = List.of(partition);
        consumer.assign(one);
        long end = consumer.endOffsets(one, timeout).get(partition);
        long start = committed == null ? consumer.beginningOffsets(one, timeout).get(partition) : committed.offset();
        DoneRanges done = committed == null ? new DoneRanges() : OffsetMap.decode(committed.offset(), committed.metadata());
        Map<String, Integer> counts = new HashMap<>();
        if (start >= end) return counts;
        holdForTests(abandoned);
        consumer.seek(partition, start);
        while (consumer.position(partition, timeout) < end) {
            if (abandoned.getAsBoolean()) throw new CancellationException("revoked: " + partition);
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("counting parked notifications on " + partition);
            }
            for (ConsumerRecord<String, Void> record : consumer.poll(POLL)) {
                if (record.offset() < end && !done.contains(record.offset())
                        && !RetryHeaders.parkedByAnotherGroup(record, group)) {
                    counts.merge(ParkedKeys.laneKey(record.key()), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private void holdForTests(BooleanSupplier abandoned) {
        long until = System.nanoTime() + hold.toNanos();
        while (System.nanoTime() < until && !abandoned.getAsBoolean()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    /** Safe from any thread: a scan blocked in a Kafka call ends with a WakeupException. */
    void wakeup() {
        consumer.wakeup();
    }

    /** The values are most of a backlog's bytes and are not needed here: not copied out of the fetched batch. */
    private static final class SkippedValue implements Deserializer<Void> {
        @Override
        public Void deserialize(String topic, byte[] data) {
            return null;
        }

        @Override
        public Void deserialize(String topic, Headers headers, ByteBuffer data) {
            return null;
        }
    }

    /** Stops a scan under way (wakeup), waits for the thread, then closes the consumer. */
    @Override
    public void close() {
        wakeup();
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("The retry scan did not stop in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("Could not close the retry scan's consumer ({})", e.toString());
        }
    }
}
