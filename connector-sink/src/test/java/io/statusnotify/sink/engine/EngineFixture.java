package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.OffsetMap;
import io.statusnotify.sink.SinkHarness;

import io.statusnotify.sink.config.SecuritySettings;

import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.config.TenantSecrets;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.settings.Settings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole delivery core ({@link DeliveryCore}, wired as the app wires it) without a broker or a thread: MockConsumer
 * for the group's consumer, the retry scan's and the parked reader's, MockProducer for the outbox, a {@link FakeSender},
 * a {@link FakeClock}, and a {@link TenantConfigView} filled directly. The test is the delivery thread: it adds
 * records, answers requests and moves the clock, and each {@link #step()} is one turn of the engine's loop.
 */
final class EngineFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Map<String, String> DEFAULTS = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "no-broker:9092",
            "SNS_ALLOW_CLEARTEXT_PASSWORDS", "true",
            "SNS_RETRY_DELAYS", "100ms,200ms",
            "SNS_RETRY_JITTER", "0",
            // A revoked partition waits this long (plus a second) for its requests in flight.
            "SNS_HTTP_CONNECT_TIMEOUT", "1ms",
            "SNS_HTTP_RESPONSE_TIMEOUT", "1ms");

    final Map<String, String> env;
    final SinkSettings settings;
    final FakeClock clock = new FakeClock(START);
    final CommitRecordingConsumer consumer = new CommitRecordingConsumer();
    final MockConsumer<String, Void> scanConsumer = new MockConsumer<>("earliest");
    final MockConsumer<String, byte[]> readerConsumer = new MockConsumer<>("earliest");
    /** Answers every write at once, unless the fixture was started {@link #holdingWrites}. */
    final MockProducer<String, byte[]> producer;
    final FakeSender sender = new FakeSender();
    /** The core's metrics. */
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TenantConfigView view;
    final DeliveryCore core;
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    /** How many of the outbox's retry-topic records {@link #readBackRetryTopic()} has handed to the consumer. */
    private int retryRecordsRead;

    /** With {@code overrides} as name, value pairs of sink settings over the fixture's defaults. */
    static EngineFixture start(String... overrides) {
        Map<String, String> env = new HashMap<>(DEFAULTS);
        for (int i = 0; i < overrides.length; i += 2) env.put(overrides[i], overrides[i + 1]);
        return new EngineFixture(env, true);
    }

    /** The same, with the outbox's writes unanswered until the test completes them ({@link MockProducer#completeNext()}). */
    static EngineFixture holdingWrites(String... overrides) {
        Map<String, String> env = new HashMap<>(DEFAULTS);
        for (int i = 0; i < overrides.length; i += 2) env.put(overrides[i], overrides[i + 1]);
        return new EngineFixture(env, false);
    }

    private EngineFixture(Map<String, String> env, boolean answerWrites) {
        this.env = env;
        this.producer = new MockProducer<>(answerWrites, null, new StringSerializer(), new ByteArraySerializer());
        this.settings = SinkSettings.from(Settings.of(env));
        SecuritySettings security = settings.security();
        this.view = new TenantConfigView(settings.allowTenantConfigByDefault(),
                new TenantSecrets(new SecretBox(security.secretKeys()), security.allowCleartextSecrets()),
                new ConfigRefusals(new SimpleMeterRegistry(), SinkMetrics.CONFIG_REFUSED,
                        LoggerFactory.getLogger(TenantConfigView.class)));
        DeliveryCore.Clients clients = new DeliveryCore.Clients(consumer, scanConsumer, new DirectExecutorService(),
                readerConsumer, producer);
        this.core = new DeliveryCore(settings.engine(), view, clients, sender, registry, clock,
                Housekeeping.DEFAULTS);
        core.engine.start();
    }

    /**
     * Another instance of the same group taking over: the same settings, and the group's commits so far (Kafka keeps
     * them for the group, a MockConsumer for itself only). Its tenants are the test's to write.
     */
    EngineFixture nextOwner() {
        EngineFixture next = new EngineFixture(env, true);
        next.consumer.commitSync(consumer.lastCommits());
        nextOffset.forEach((tp, offset) -> next.nextOffset.put(tp, offset));
        return next;
    }

    EngineFixture tenant(String name, TenantConfig config) {
        view.apply(name, Json.write(config));
        return this;
    }

    /** Each tenant with {@link #config}. */
    EngineFixture tenants(String... names) {
        for (String name : names) tenant(name, config(name));
        return this;
    }

    static TenantConfig config(String tenant) {
        return new TenantConfig(true, "http://" + tenant + ".example/hook", tenant, "pw-" + tenant);
    }

    TopicPartition notifications(int partition) {
        return new TopicPartition(settings.topics().notifications(), partition);
    }

    TopicPartition retry(int partition) {
        return new TopicPartition(settings.topics().notificationsRetry(), partition);
    }

    /** The group hands this instance both topics' partition {@code number}; returns once the pair may deliver. */
    EngineFixture assign(int number) {
        handOver(notifications(number), retry(number));
        step(); // the retry scan's count comes back through the engine's tasks and lets the pair go
        return this;
    }

    /**
     * The group hands this instance {@code tps}, in one callback, and nothing else happens (a lone half of a pair,
     * say). As the consumer group protocol does, what it had stays, without a callback.
     */
    void handOver(TopicPartition... tps) {
        for (TopicPartition tp : tps) {
            consumer.updateBeginningOffsets(Map.of(tp, 0L));
            consumer.updateEndOffsets(Map.of(tp, nextOffset.getOrDefault(tp, 0L)));
            if (tp.topic().equals(settings.topics().notificationsRetry())) {
                scanConsumer.updateBeginningOffsets(Map.of(tp, 0L));
                scanConsumer.updateEndOffsets(Map.of(tp, nextOffset.getOrDefault(tp, 0L)));
            }
        }
        Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
        assignment.addAll(List.of(tps));
        consumer.rebalance(assignment);
    }

    /**
     * The group takes only partition {@code number} of both topics away (an incremental hand-over: the others stay,
     * without a callback). MockConsumer drops every record not yet polled, of the kept partitions too.
     */
    void revoke(int number) {
        Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
        assignment.removeAll(List.of(notifications(number), retry(number)));
        consumer.rebalance(assignment);
    }

    /** The group takes every partition away from this instance. */
    void revokeAll() {
        consumer.rebalance(List.of());
    }

    /** Writes the tenant's notification of {@code member} to the notifications topic; returns its offset. */
    long notification(int partition, String tenant, String member, long sequenceNum) {
        Notification notification = SinkHarness.seedNotification(tenant, member, sequenceNum);
        String key = NotificationKey.of(notification.userStatusNotification().user());
        return add(notifications(partition), key, Json.write(notification), new RecordHeaders());
    }

    /** On partition 0, one notification of the tenant per sequence number, each of another user (member m + it). */
    void usersEach(String tenant, long... sequenceNums) {
        for (long sequenceNum : sequenceNums) notification(0, tenant, "m" + sequenceNum, sequenceNum);
    }

    /** Writes again, at their offsets, records already on the notifications topic (what a new owner reads). */
    void rewrite(int partition, long offset, String tenant, String member, long sequenceNum) {
        Notification notification = SinkHarness.seedNotification(tenant, member, sequenceNum);
        consumer.addRecord(record(notifications(partition), offset,
                NotificationKey.of(notification.userStatusNotification().user()), Json.write(notification),
                new RecordHeaders()));
    }

    /** Kafka delivers to this instance what the outbox wrote to the retry topic since the last call. */
    void readBackRetryTopic() {
        List<ProducerRecord<String, byte[]>> parked = written(settings.topics().notificationsRetry());
        for (ProducerRecord<String, byte[]> record : parked.subList(retryRecordsRead, parked.size())) {
            add(retry(record.partition()), record.key(), record.value(), new RecordHeaders(record.headers().toArray()));
        }
        retryRecordsRead = parked.size();
    }

    private long add(TopicPartition tp, String key, byte[] value, RecordHeaders headers) {
        long offset = nextOffset.merge(tp, 1L, Long::sum) - 1;
        consumer.addRecord(record(tp, offset, key, value, headers));
        return offset;
    }

    private ConsumerRecord<String, byte[]> record(TopicPartition tp, long offset, String key, byte[] value,
                                                  RecordHeaders headers) {
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, clock.millis(), TimestampType.CREATE_TIME,
                key.length(), value.length, key, value, headers, Optional.empty());
    }

    /** One turn of the engine's loop. */
    void step() {
        core.engine.pollOnce();
    }

    /**
     * One turn for what is answered to land (an outcome's offset is done a turn after its receipt is acknowledged),
     * then the commit interval passes and one turn commits.
     */
    void commit() {
        step();
        clock.advance(settings.commitInterval());
        step();
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    /** The group's last commit of {@code tp}, or null. */
    OffsetAndMetadata committed(TopicPartition tp) {
        return consumer.lastCommits().get(tp);
    }

    /** The offsets a commit's metadata marks as finished above its offset. */
    static Set<Long> doneAbove(OffsetAndMetadata commit) {
        Set<Long> done = new TreeSet<>();
        OffsetMap.decode(commit.offset(), commit.metadata()).forEachRun((start, end) -> {
            for (long offset = start; offset < end; offset++) done.add(offset);
        });
        return done;
    }

    /** What the outbox wrote to {@code topic}, in order. */
    List<ProducerRecord<String, byte[]>> written(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long sequenceNum(ProducerRecord<String, byte[]> record) {
        return Json.read(record.value(), Notification.class).sequenceNum();
    }

    @Override
    public void close() {
        core.parkedReader.close();
    }

    /** MockConsumer keeps its commits for assigned partitions only: this one keeps every commit made. */
    static final class CommitRecordingConsumer extends MockConsumer<String, byte[]> {
        private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();

        CommitRecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
            commits.add(Map.copyOf(offsets));
            super.commitAsync(offsets, callback);
        }

        /**
         * As KafkaConsumer: assigned partitions only (MockConsumer keeps reporting a partition paused after it was
         * revoked, and after it is assigned again, when it is not paused any more).
         */
        @Override
        public synchronized Set<TopicPartition> paused() {
            Set<TopicPartition> paused = new HashSet<>(super.paused());
            paused.retainAll(assignment());
            return Set.copyOf(paused);
        }

        /** Every commit, in order. */
        synchronized List<Map<TopicPartition, OffsetAndMetadata>> commits() {
            return List.copyOf(commits);
        }

        /** The latest commit of each partition. */
        synchronized Map<TopicPartition, OffsetAndMetadata> lastCommits() {
            Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
            commits.forEach(last::putAll);
            return last;
        }
    }
}
