package io.statusnotify.system;

import io.statusnotify.system.RebalanceLog.Kind;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One member of a consumer group on a thread of its own, polling as an application does and logging every rebalance
 * callback to a shared {@link RebalanceLog}. Like the sink, it commits its positions when partitions are revoked and
 * reads the committed offsets when they are assigned; like the sink's assignment gate it may pause what it is given
 * inside the assignment callback. {@link #close()} leaves the group (the revocation included).
 */
final class GroupMember implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);
    private final String name;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> onPollThread = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final boolean pauseWhatItGets;
    private final Map<TopicPartition, AtomicInteger> received = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    /** The poll thread's own: set there, used there. */
    private KafkaConsumer<byte[], byte[]> consumer;

    private GroupMember(String name, Properties props, List<String> topics, RebalanceLog log, boolean pauseWhatItGets) {
        this.name = name;
        this.pauseWhatItGets = pauseWhatItGets;
        this.thread = new Thread(() -> run(props, topics, log), "group-member-" + name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts polling {@code topics} with {@code props} (a group's consumer settings); {@code pauseWhatItGets}: pauses
     * the partitions it is assigned within {@code onPartitionsAssigned}.
     */
    static GroupMember join(String name, Properties props, List<String> topics, RebalanceLog log,
                            boolean pauseWhatItGets) {
        GroupMember member = new GroupMember(name, props, topics, log, pauseWhatItGets);
        member.thread.start();
        return member;
    }

    String name() {
        return name;
    }

    /** Runs {@code call} on the member's poll thread, between two polls (the consumer is not thread-safe). */
    <T> T call(Function<Consumer<byte[], byte[]>, T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        onPollThread.add(() -> answer.complete(call.apply(consumer)));
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("member " + name + " did not answer", e);
        }
    }

    /** What the consumer has paused now. */
    Set<TopicPartition> paused() {
        return call(kafka -> Set.copyOf(kafka.paused()));
    }

    /** Records polled so far from {@code partitions}. */
    int received(Collection<TopicPartition> partitions) {
        return partitions.stream().mapToInt(tp -> received.getOrDefault(tp, new AtomicInteger()).get()).sum();
    }

    void resume(Collection<TopicPartition> partitions) {
        call(kafka -> {
            kafka.resume(partitions);
            return null;
        });
    }

    /** What the consumer is assigned now. */
    Set<TopicPartition> assignment() {
        return call(kafka -> Set.copyOf(kafka.assignment()));
    }

    private void run(Properties props, List<String> topics, RebalanceLog log) {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(topics, new Recorder(kafka, log));
            while (running) {
                kafka.poll(POLL).forEach(record -> received.computeIfAbsent(
                        new TopicPartition(record.topic(), record.partition()), tp -> new AtomicInteger()).incrementAndGet());
                for (Runnable task; (task = onPollThread.poll()) != null; ) task.run();
            }
        } catch (RuntimeException e) {
            stopped.completeExceptionally(e);
        } finally {
            stopped.complete(null);
        }
    }

    /** Leaves the group: the consumer's close revokes (and so commits) what it owns first. */
    @Override
    public void close() {
        running = false;
        try {
            stopped.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("member " + name + " did not leave cleanly", e);
        }
    }

    private final class Recorder implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> kafka;
        private final RebalanceLog log;

        Recorder(KafkaConsumer<byte[], byte[]> kafka, RebalanceLog log) {
            this.kafka = kafka;
            this.log = log;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) return;
            // Logged first: the callback starting is the moment this member may begin to work on them.
            RebalanceLog.Callback assigned = log.add(name, Kind.ASSIGNED, partitions);
            assigned.offsets(kafka.committed(Set.copyOf(partitions), Duration.ofSeconds(30)));
            if (pauseWhatItGets) kafka.pause(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) return;
            Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
            partitions.forEach(tp -> positions.put(tp, new OffsetAndMetadata(kafka.position(tp))));
            kafka.commitSync(positions, Duration.ofSeconds(30));
            // Logged last: the member has let them go once their commit is done.
            log.add(name, Kind.REVOKED, partitions).offsets(positions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) log.add(name, Kind.LOST, partitions);
        }
    }
}
