package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.ConfigFollower;
import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.Sender;
import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.config.ReadBarrier;
import io.statusnotify.sink.SinkHarness;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.config.TenantSecrets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * A {@link Dispatcher} without a broker or a server: the config topic is a {@link MockConsumer} read by a real
 * {@link ConfigFollower} that the test steps by hand, the engine's task queue runs when the test says so, the clock
 * stands still, and a fake sender keeps every POST (nothing answers until the test does). One notifications partition;
 * no receipts (nothing here writes to Kafka).
 */
final class DispatcherFixture {
    static final String CONFIG_TOPIC = "config";
    private static final TopicPartition CONFIG = new TopicPartition(CONFIG_TOPIC, 0);
    private static final Node NODE = new Node(0, "localhost", 9092);

    final CountingConsumer configTopic = new CountingConsumer();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TenantConfigView view = emptyView(registry);
    final ReadBarrier barrier = new ReadBarrier();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final ConfigFollower follower = new ConfigFollower(configTopic, CONFIG_TOPIC, view, barrier, clock, () -> {
        throw new AssertionError("following failed");
    });
    final FakeSender sender = new FakeSender();
    final PartitionWork work = new PartitionWork(new TopicPartition("notifications", 0), false, null);
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    final Dispatcher dispatcher;
    private final List<ConsumerRecord<String, byte[]>> notYetFetched = new ArrayList<>();
    private long configEnd;
    private long notificationOffset;

    /** The config topic holds {@code configured}'s records, and the follower has read them all (caught up). */
    DispatcherFixture(String... configured) {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "unused:9092",
                "SNS_RECEIPTS_ENABLED", "false")));
        Timers timers = new Timers();
        ParkedKeys parked = new ParkedKeys();
        SinkMetrics metrics = new SinkMetrics(registry, 100);
        Outcomes outcomes = new Outcomes(null, metrics, parked, timers, tasks::add, clock, settings.receiptsEnabled());
        dispatcher = new Dispatcher(view, barrier, sender, outcomes, new RetrySchedule(settings.retry(), () -> 0.5),
                settings.engine(), metrics, clock, timers, tasks::add, parked,
                new ParkedReader(new MockConsumer<>("earliest"), tasks::add), Housekeeping.DEFAULTS);
        configTopic.updatePartitions(CONFIG_TOPIC, List.of(new PartitionInfo(CONFIG_TOPIC, 0, NODE, null, null)));
        configTopic.updateBeginningOffsets(Map.of(CONFIG, 0L));
        for (String tenant : configured) configOnTopic(tenant);
        follower.begin();
        fetchConfig();
        follower.followOnce();
        if (!view.isCaughtUp()) throw new AssertionError("the view did not catch up");
    }

    /** Tenants allowed by default, clear-text passwords allowed. */
    static TenantConfigView emptyView(MeterRegistry registry) {
        return new TenantConfigView(true, new TenantSecrets(new SecretBox(SecretKeys.none()), true),
                new ConfigRefusals(registry, SinkMetrics.CONFIG_REFUSED, LoggerFactory.getLogger(TenantConfigView.class)));
    }

    static TenantConfig configOf(String tenant) {
        return new TenantConfig(true, "http://" + tenant + ".example/hook", "user", "pw-" + tenant);
    }

    /** A config record for the tenant written to the topic (its end moves on); the follower has not fetched it yet. */
    void configOnTopic(String tenant) {
        configOnTopic(tenant, configOf(tenant));
    }

    void configOnTopic(String tenant, TenantConfig config) {
        notYetFetched.add(new ConsumerRecord<>(CONFIG_TOPIC, 0, configEnd++, tenant, Json.write(config)));
        configTopic.updateEndOffsets(Map.of(CONFIG, configEnd));
    }

    /** The follower's next poll brings what was written. */
    void fetchConfig() {
        notYetFetched.forEach(configTopic::addRecord);
        notYetFetched.clear();
    }

    /** One round of the follower's loop, then whatever it handed to the engine. */
    void follow() {
        follower.followOnce();
        runTasks();
    }

    /** The notifications consumer polled notification {@code n} of {@code tenant}'s user {@code member}; tasks run. */
    void read(String tenant, String member, int n) {
        Notification notification = SinkHarness.seedNotification(tenant, member, SinkHarness.SEQ_BASE + n);
        String key = NotificationKey.of(notification.userStatusNotification().user());
        dispatcher.accept(work, new ConsumerRecord<>("notifications", 0, notificationOffset++, key, Json.write(notification)));
        runTasks();
    }

    void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) task.run();
    }

    double dropped(String tenant, String reason) {
        return registry.find(SinkMetrics.DROPPED).tags("tenant", tenant, "reason", reason).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** The commit the partition would make now: everything below it is done. */
    long committable() {
        return work.toCommit(notificationOffset).offset();
    }

    /** Counts the end-offsets requests, one per round of the barrier after the one at start. */
    static final class CountingConsumer extends MockConsumer<String, byte[]> {
        int endOffsetsCalls;

        CountingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            endOffsetsCalls++;
            return super.endOffsets(partitions);
        }
    }

    /** Keeps every POST; {@link #answer} completes the oldest open one, as the HTTP thread would. */
    final class FakeSender implements Sender {
        record Post(TenantConfig target, String body, Consumer<AttemptResult> done) {
        }

        final List<Post> posts = new ArrayList<>();
        private final Queue<Post> open = new ArrayDeque<>();

        @Override
        public void post(TenantConfig target, String messageId, byte[] body, Consumer<AttemptResult> done) {
            Post post = new Post(target, new String(body, StandardCharsets.UTF_8), done);
            posts.add(post);
            open.add(post);
        }

        @Override
        public void closeIdle() {
        }

        /** The oldest open request is answered {@code status}; the engine runs what follows. */
        void answer(int status) {
            open.remove().done().accept(new AttemptResult.Response(status, null, null));
            runTasks();
        }

        /** Each POST as tenant#sequence (less {@link SinkHarness#SEQ_BASE}), in the order sent. */
        List<String> sent() {
            return posts.stream().map(p -> Json.read(p.body().getBytes(StandardCharsets.UTF_8), Notification.class))
                    .map(n -> n.userStatusNotification().user().tenantName() + "#" + (n.sequenceNum() - SinkHarness.SEQ_BASE))
                    .toList();
        }
    }
}
