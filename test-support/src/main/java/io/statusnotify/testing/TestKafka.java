package io.statusnotify.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.GroupVersion;
import org.apache.kafka.server.common.MetadataVersion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft Kafka broker in this JVM (Kafka's own test kit), with the small helpers tests need:
 * topics, a producer, and reading a topic from the beginning. One per JVM is enough: see {@link SharedKafka}.
 */
public final class TestKafka implements AutoCloseable {
    private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();
    private final KafkaClusterTestKit cluster;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    private TestKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        this.producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer());
    }

    public static TestKafka start() {
        return start(true);
    }

    /**
     * A broker that refuses the consumer group protocol (KIP-848), as a 3.x cluster or one whose {@code group.version}
     * was never finalized does: for tests of what a client on that protocol makes of it. Close it after the test.
     */
    public static TestKafka startWithoutConsumerGroupProtocol() {
        return start(false);
    }

    private static TestKafka start(boolean consumerGroupProtocol) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    // Single broker: internal topics must not ask for more replicas than exist, or Streams hangs.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "5")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // Lets a test give its consumer-protocol group (KIP-848) heartbeats shorter than the 5 s default
                    // and a session shorter than 45 s (ConsumerGroupTiming): members learn of a new assignment that
                    // soon, and a killed member's partitions move in seconds.
                    .setConfigProp("group.consumer.min.heartbeat.interval.ms", "100")
                    .setConfigProp("group.consumer.min.session.timeout.ms", "1000")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            TestKafka kafka = new TestKafka(cluster);
            if (consumerGroupProtocol) kafka.enableConsumerGroupProtocol();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    /**
     * The test kit formats the broker with a metadata version only, so {@code group.version} stays 0 and a consumer
     * with {@code group.protocol=consumer} (KIP-848) is refused; {@code kafka-storage format} on 4.x sets it to 1.
     */
    private void enableConsumerGroupProtocol() throws Exception {
        short level = GroupVersion.GV_1.featureLevel();
        FeatureUpdate update = new FeatureUpdate(level, FeatureUpdate.UpgradeType.UPGRADE);
        admin.updateFeatures(Map.of(GroupVersion.FEATURE_NAME, update), new UpdateFeaturesOptions())
                .all().get(30, TimeUnit.SECONDS);
        // Answered from the broker's metadata: once it shows the level, consumer groups may join.
        await("group.version " + level).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            FinalizedVersionRange range = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                    .finalizedFeatures().get(GroupVersion.FEATURE_NAME);
            return range != null && range.maxVersionLevel() >= level;
        });
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public Admin admin() {
        return admin;
    }

    /** A topic name no other test uses: {@code prefix-N}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + TOPIC_COUNTER.incrementAndGet();
    }

    public void createTopic(String name, int partitions, Map<String, String> configs) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning (committed records only) until exactly {@code count} records arrived
     * and no more follow within {@link ExactCount#QUIET_PERIOD}: one record too many fails, even a late one.
     */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            ExactCount.await("records on " + topic, count, timeout, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size();
            });
        }
        return records;
    }

    /** All records on {@code topic} now (reads up to the current end offsets), committed ones only. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return readAll(topic, consumerProps());
    }

    /** The same, aborted and still open transactions' records included: what is on the log, not what counts. */
    public List<ConsumerRecord<String, byte[]>> readAllUncommitted(String topic) {
        Properties props = consumerProps();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return readAll(topic, props);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, Properties props) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return records;
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return props;
    }

    public Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test Kafka broker", e);
        }
    }

    static Duration defaultTimeout() {
        return Duration.ofSeconds(60);
    }
}
