package io.statusnotify.sink.kafka;

import io.statusnotify.sink.offsets.PartitionWork;

import io.statusnotify.logging.Throttle;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Reads parked notifications again from the retry topic, from an offset on, for those the engine remembers by offset
 * only (unloaded to save memory). Its own thread and consumer, outside the group; each batch goes back to the asker
 * through {@code engine}. One read per partition at a time; asking again before it starts moves its start back if needed.
 */
public final class ParkedReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedReader.class);
    private static final Throttle ERROR_LOG = new Throttle(Duration.ofMinutes(1));
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final Executor engine;
    private final Map<PartitionWork, Wanted> wanted = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Reads with {@code consumer} (assigned by hand, outside the group), which it closes. */
    public ParkedReader(Consumer<String, byte[]> consumer, Executor engine) {
        this.consumer = consumer;
        this.engine = engine;
        this.thread = new Thread(this::run, "sink-parked-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A batch read from {@code from} on (empty when nothing could be read this time); every record from {@code from}
     * up to {@code readTo} (exclusive) that still exists is in it.
     */
    public interface Loaded {
        void accept(PartitionWork work, long from, long readTo, List<ConsumerRecord<String, byte[]>> records);
    }

    /** The app's consumer for it. */
    public static Consumer<String, byte[]> consumer(Properties kafka) {
        Properties props = Readers.ungrouped(kafka, "statusnotify-sink-parked-reader");
        // An offset gone with retention reads on from the earliest left: the engine then sees what was lost.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private record Wanted(long offset, Loaded loaded) {
    }

    /**
     * Reads {@code work}'s partition from {@code offset} on; the batch (maybe empty, on trouble) goes to {@code loaded}
     * once, through the engine.
     */
    public synchronized void read(PartitionWork work, long offset, Loaded loaded) {
        wanted.merge(work, new Wanted(offset, loaded), (was, now) -> was.offset() <= now.offset() ? was : now);
        notifyAll();
    }

    private void run() {
        try {
            while (running) {
                Map.Entry<PartitionWork, Wanted> next = next();
                if (next == null) return;
                List<ConsumerRecord<String, byte[]>> records = List.of();
                long from = next.getValue().offset();
                long readTo = from;
                try {
                    consumer.assign(List.of(next.getKey().partition));
                    consumer.seek(next.getKey().partition, from);
                    records = consumer.poll(POLL).records(next.getKey().partition);
                    readTo = consumer.position(next.getKey().partition, POLL);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    if (ERROR_LOG.allow("read")) {
                        LOG.warn("Cannot read parked notifications of {} again ({}); will try again",
                                next.getKey().partition, e.toString());
                    }
                }
                List<ConsumerRecord<String, byte[]>> batch = records;
                long end = readTo;
                engine.execute(() -> next.getValue().loaded().accept(next.getKey(), from, end, batch));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private synchronized Map.Entry<PartitionWork, Wanted> next() throws InterruptedException {
        while (running && wanted.isEmpty()) wait();
        if (!running) return null;
        var first = wanted.entrySet().iterator().next();
        wanted.remove(first.getKey());
        return Map.entry(first.getKey(), first.getValue());
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
