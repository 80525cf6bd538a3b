package io.statusnotify.system;

import io.statusnotify.system.RebalanceLog.Callback;
import io.statusnotify.testing.ConsumerGroupTiming;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Two topics of equal partition count, like the sink's notifications and retry topics, read by one consumer group on
 * the consumer protocol (KIP-848) with a server-side assignor: members join and leave, each step waits until the group
 * has settled, and every member's callbacks are in one {@link RebalanceLog}.
 */
final class CoPartitionedGroup implements AutoCloseable {
    /** Group config, so members learn of a new assignment within a quarter second rather than the default 5 s. */
    private static final Duration HEARTBEAT = Duration.ofMillis(250);
    /** Settled: every partition owned by the members and no callback for six heartbeats. */
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    static final int RECORDS_PER_PARTITION = 5;

    final String first;
    final String second;
    final int partitions;
    final RebalanceLog log = new RebalanceLog();
    private final TestKafka kafka;
    private final String groupId;
    private final Map<String, String> protocol;
    private final Map<String, GroupMember> members = new LinkedHashMap<>();

    private CoPartitionedGroup(TestKafka kafka, String prefix, int partitions, Map<String, String> protocol) {
        this.kafka = kafka;
        this.first = TestKafka.uniqueName(prefix + "-notifications");
        this.second = TestKafka.uniqueName(prefix + "-retry");
        this.groupId = TestKafka.uniqueName(prefix + "-group");
        this.partitions = partitions;
        this.protocol = protocol;
    }

    /** The consumer group protocol (KIP-848) with the broker's assignor of that name: {@code range}, {@code uniform}. */
    static Map<String, String> consumerProtocol(String assignor) {
        return Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, assignor);
    }

    /**
     * Both topics created, a few records on every partition (so revocations commit real positions); members use the
     * {@code protocol} settings ({@link #consumerProtocol}).
     */
    static CoPartitionedGroup create(TestKafka kafka, String prefix, int partitions, Map<String, String> protocol) {
        CoPartitionedGroup group = new CoPartitionedGroup(kafka, prefix, partitions, protocol);
        group.setUp();
        return group;
    }

    private void setUp() {
        kafka.createTopic(first, partitions, Map.of());
        kafka.createTopic(second, partitions, Map.of());
        produce();
        ConsumerGroupTiming.heartbeat(kafka.admin(), groupId, HEARTBEAT);
    }

    /** {@value #RECORDS_PER_PARTITION} records more on every partition of both topics. */
    void produce() {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProps(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // One at a time: sent together right after the topic is created, a batch refused while the partition
            // gets its leader was seen retried out of order until the delivery timeout (two minutes).
            for (String topic : List.of(first, second)) {
                for (int p = 0; p < partitions; p++) {
                    for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                        producer.send(new ProducerRecord<>(topic, p, null, new byte[8])).get(30, TimeUnit.SECONDS);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + first + " and " + second, e);
        }
    }

    /** What one step did: ownership before and after, the callbacks in between, and how long it took to settle. */
    record Step(Map<String, Set<TopicPartition>> before, Map<String, Set<TopicPartition>> after,
                List<Callback> callbacks, double lastCallbackMillis, double settledMillis) {
        @Override
        public String toString() {
            return String.format("%s -> %s: %s, the last %.0f ms after the change (settled and quiet at %.0f ms)",
                    owners(before), owners(after), callbacks, lastCallbackMillis, settledMillis);
        }

        private static Map<String, String> owners(Map<String, Set<TopicPartition>> byMember) {
            Map<String, String> names = new TreeMap<>();
            byMember.forEach((member, owned) -> names.put(member, RebalanceTimeline.names(owned)));
            return names;
        }
    }

    /** A member named {@code name} joins; returns once the group has settled over every member. */
    Step join(String name) {
        return join(name, protocol, false);
    }

    /** A member that pauses what it is assigned inside its assignment callback, as the sink's gate does. */
    Step joinPausingWhatItGets(String name) {
        return join(name, protocol, true);
    }

    /** The same with other protocol settings than the group's (a member of a group being migrated, say). */
    Step join(String name, Map<String, String> memberProtocol) {
        return join(name, memberProtocol, false);
    }

    private Step join(String name, Map<String, String> memberProtocol, boolean pauseWhatItGets) {
        Properties props = consumerProps(name, memberProtocol);
        return step(() -> members.put(name,
                GroupMember.join(name, props, List.of(first, second), log, pauseWhatItGets)));
    }

    /** The member leaves the group (its consumer closes); returns once the others have settled. */
    Step leave(String name) {
        return step(() -> members.remove(name).close());
    }

    GroupMember member(String name) {
        return members.get(name);
    }

    private Step step(Runnable change) {
        int from = log.size();
        Map<String, Set<TopicPartition>> before = timeline().ownership();
        long start = System.nanoTime();
        change.run();
        AtomicInteger seen = new AtomicInteger(-1);
        await("group settled over " + members.keySet()).atMost(STEP_TIMEOUT).during(QUIET)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    int size = log.size();
                    return seen.getAndSet(size) == size && timeline().ownedByExactly(members.keySet(), partitions);
                });
        List<Callback> callbacks = log.since(from);
        double last = callbacks.isEmpty() ? 0 : (callbacks.get(callbacks.size() - 1).nanos() - start) / 1e6;
        return new Step(before, timeline().ownership(), callbacks, last, (System.nanoTime() - start) / 1e6);
    }

    RebalanceTimeline timeline() {
        return RebalanceTimeline.replay(log.all(), first, second);
    }

    private Properties consumerProps(String name, Map<String, String> memberProtocol) {
        Properties props = kafka.consumerProps();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + name);
        props.putAll(memberProtocol);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    @Override
    public void close() {
        List.copyOf(members.values()).forEach(GroupMember::close);
        members.clear();
    }
}
