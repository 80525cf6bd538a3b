package io.statusnotify.sink;

import io.statusnotify.sink.http.BasicAuth;
import io.statusnotify.sink.engine.Housekeeping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.User;
import io.statusnotify.schema.UserStatus;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.ConsumerGroupTiming;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One test's own topics, group and sink instances on the shared broker, with small retry settings. Usually made and
 * bound to the broker by {@link SinkHarnessExtension}, which also closes it.
 */
public final class SinkHarness implements AutoCloseable {
    static final String USERNAME = "hook-user";
    static final String PASSWORD = "s3cr3t-Pa55word!";
    public static final long SEQ_BASE = 10_000_000_000L;

    /** The broker, once bound ({@link #bind}). */
    TestKafka kafka;
    final TopicNames topics;
    final String groupId;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, String> env = new HashMap<>();
    private final List<SinkApp> apps = new ArrayList<>();

    SinkHarness(TestKafka kafka) {
        this();
        bind(kafka);
    }

    /** Not bound to a broker yet: for a field, before the broker is known. */
    SinkHarness() {
        String prefix = TestKafka.uniqueName("sink");
        this.topics = TopicNames.prefixed(prefix);
        this.groupId = prefix + "-group";
        env.putAll(topics.asEnvironment());
        env.put("SNS_TOPIC_PARTITIONS", "2");
        env.put("SNS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("SNS_SINK_GROUP_ID", groupId);
        // The HTTP timeouts are the sink's defaults (5 s connect, 10 s response): shorter ones fire on a stall of a
        // shared machine, and the request is sent again.
        env.put("SNS_RETRY_MAX_ATTEMPTS", "3");
        env.put("SNS_RETRY_DELAYS", "100ms,200ms");
        env.put("SNS_RETRY_JITTER", "0");
        env.put("SNS_RETRY_THROTTLED_MIN_DELAY", "0");
        env.put("SNS_SINK_SHUTDOWN_GRACE", "5s");
        // The tests write clear-text passwords; sealing is tested on its own.
        env.put("SNS_ALLOW_CLEARTEXT_PASSWORDS", "true");
    }

    /** Also gives the test's group short heartbeats: partitions change hands within about a second, not up to ten. */
    SinkHarness bind(TestKafka broker) {
        this.kafka = broker;
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        ConsumerGroupTiming.heartbeat(broker.admin(), groupId, ConsumerGroupTiming.TEST_HEARTBEAT);
        return this;
    }

    SinkHarness with(String name, String value) {
        env.put(name, value);
        return this;
    }

    SinkSettings settings() {
        return SinkSettings.from(Settings.of(env));
    }

    void createTopics() {
        TopicSetup.ensureTopics(settings());
    }

    /** Starts a sink and waits until it is ready to deliver. */
    SinkApp startSink() {
        return startSink(Housekeeping.DEFAULTS);
    }

    /** The same with other sweep timings (a short grace before gone tenants are forgotten). */
    SinkApp startSink(Housekeeping housekeeping) {
        SinkApp app = SinkApp.start(settings(), registry, housekeeping);
        apps.add(app);
        await().atMost(Duration.ofSeconds(30)).until(app::isReady);
        return app;
    }

    void config(String tenant, String url) {
        config(tenant, new TenantConfig(true, url, USERNAME, PASSWORD));
    }

    void config(String tenant, TenantConfig config) {
        kafka.send(topics.tenantConfig(), tenant, Json.write(config));
    }

    /** The tombstone: the tenant's config record is deleted. */
    void deleteConfig(String tenant) {
        kafka.send(topics.tenantConfig(), tenant, (byte[]) null);
    }

    /**
     * Sends the seed's notification for {@code tenant} (same user, so same partition: order holds). Sequence
     * numbers are beyond int range, so they read back as the same JSON number type as the seed's.
     */
    Notification notify(String tenant, int n) {
        return notify(tenant, null, n);
    }

    /** The same for another user of the tenant ({@code memberId} null: the seed's user). */
    Notification notify(String tenant, String memberId, int n) {
        Notification notification = seedNotification(tenant, memberId, SEQ_BASE + n);
        kafka.send(topics.notifications(), NotificationKey.of(notification.userStatusNotification().user()),
                Json.write(notification));
        return notification;
    }

    public static Notification seedNotification(String tenant, long sequenceNum) {
        return seedNotification(tenant, null, sequenceNum);
    }

    public static Notification seedNotification(String tenant, String memberId, long sequenceNum) {
        UserStatus seed = Json.read(seedBytes(), Notification.class).userStatusNotification();
        User u = seed.user();
        User user = new User(u.userName(), u.displayName(), memberId == null ? u.memberID() : memberId, u.userState(),
                tenant, u.accessType(), u.extension());
        UserStatus body = new UserStatus(user, seed.room(), seed.conference(), seed.endpoint(), seed.endpointDetails(),
                seed.gateway(), seed.contextAwareLinking());
        return Notification.of(sequenceNum, 1_764_000_000_000L + sequenceNum, body);
    }

    static byte[] seedBytes() {
        try (InputStream in = SinkHarness.class.getResourceAsStream("/seed-notification.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence numbers a receiver got for one user of one tenant, in arrival order. */
    static List<Long> sequence(RecordingReceiver receiver, String path, String memberId) {
        return sequence(receiver.requestsTo(path), memberId);
    }

    static List<Long> sequence(List<RecordingReceiver.Received> requests, String memberId) {
        return requests.stream()
                .map(r -> Json.read(r.body().getBytes(StandardCharsets.UTF_8), Notification.class))
                .filter(n -> memberId.equals(n.userStatusNotification().user().memberID()))
                .map(n -> n.sequenceNum() - SEQ_BASE).toList();
    }

    double gauge(String meter, String... tags) {
        var gauge = registry.find(meter).tags(tags).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    double count(String meter, String... tags) {
        return registry.find(meter).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The group's committed offsets on the notifications topic, summed over partitions. */
    long committedOffsets() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = kafka.admin().listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topics.notifications()))
                .filter(e -> e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Every sink IT ends with this: neither the password nor the encoded credentials ever reached the log. */
    static void assertLogHoldsNoSecret() throws IOException {
        assertThat(capturedLog()).doesNotContain(PASSWORD)
                .doesNotContain(authorizationHeader().substring("Basic ".length()));
    }

    /** Everything the sink logged in this JVM so far. */
    static String capturedLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("sink.test.log", "target/sink-test.log")), StandardCharsets.UTF_8);
    }

    static String authorizationHeader() {
        return BasicAuth.header(USERNAME, PASSWORD);
    }

    @Override
    public void close() {
        apps.forEach(SinkApp::close);
    }
}
