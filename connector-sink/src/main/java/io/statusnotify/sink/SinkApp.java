package io.statusnotify.sink;

import io.statusnotify.sink.engine.LimitSettings;
import io.statusnotify.sink.config.SecuritySettings;

import io.statusnotify.sink.config.ConfigFollower;
import io.statusnotify.sink.connectiontest.ConnectionTest;
import io.statusnotify.sink.engine.DeliveryCore;
import io.statusnotify.sink.engine.Housekeeping;
import io.statusnotify.sink.http.HttpSender;
import io.statusnotify.sink.kafka.Outbox;
import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.kafka.Readers;
import io.statusnotify.sink.kafka.RetryScan;
import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.status.StatusPage;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.config.TenantSecrets;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.secrets.SecretBox;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The delivery worker: follows the tenant config topic and delivers every notification to its tenant's server,
 * at least once. {@link #start} returns once its threads run; {@link #close} is the SIGTERM path.
 */
public final class SinkApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final SinkSettings settings;
    private final TenantConfigView view;
    private final ConfigFollower follower;
    private final HttpSender sender;
    private final DeliveryCore core;
    private final List<KafkaClientMetrics> clientMetrics;
    private final Thread followerThread;
    private final Thread deliveryThread;
    private volatile boolean closing;

    private SinkApp(SinkSettings settings, MeterRegistry registry, Housekeeping housekeeping) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        LimitSettings limits = settings.limits();
        SecuritySettings security = settings.security();
        this.view = new TenantConfigView(settings.allowTenantConfigByDefault(),
                new TenantSecrets(new SecretBox(security.secretKeys()), security.allowCleartextSecrets()),
                new ConfigRefusals(registry, SinkMetrics.CONFIG_REFUSED, LoggerFactory.getLogger(TenantConfigView.class)));
        this.sender = new HttpSender(settings.http().connectTimeout(), settings.http().responseTimeout(), limits.maxInFlight(),
                security.destinations(), security.extraCas());
        Consumer<String, byte[]> consumer = notificationConsumer(settings);
        DeliveryCore.Clients clients = new DeliveryCore.Clients(consumer, RetryScan.consumer(settings.kafkaCopy()),
                RetryScan.newThread(), ParkedReader.consumer(settings.kafkaCopy()), Outbox.producer(settings.kafkaCopy()));
        this.core = new DeliveryCore(settings.engine(), view, clients, sender, registry, clock, housekeeping);
        // Consumer lag, fetch rates and the producer's errors come with the sink's own meters.
        this.clientMetrics = List.of(bind(new KafkaClientMetrics(consumer), registry), core.bindTo(registry));
        this.follower = new ConfigFollower(configConsumer(settings), settings.topics().tenantConfig(), view, core.barrier(),
                clock, core::stop);
        this.followerThread = new Thread(follower, "sink-config");
        this.deliveryThread = new Thread(core.loop(), "sink-delivery");
    }

    /**
     * Creates missing topics (refusing, with {@link IllegalStateException}, a config topic that is not compacted or a
     * retry topic whose partition count differs from the notifications topic's), then starts following config and
     * delivering. Returns at once; see {@link #isReady()}.
     */
    public static SinkApp start(SinkSettings settings, MeterRegistry registry) {
        return start(settings, registry, Housekeeping.DEFAULTS);
    }

    /** The same with other sweep timings (tests). */
    static SinkApp start(SinkSettings settings, MeterRegistry registry, Housekeeping housekeeping) {
        LOG.info("Starting sink: {}", settings);
        TopicSetup.ensureTopics(settings);
        SinkApp app = new SinkApp(settings, registry, housekeeping);
        app.followerThread.start();
        app.deliveryThread.start();
        return app;
    }

    /** True once the config view has caught up with the topic's end at start and partitions are assigned. */
    public boolean isReady() {
        return readinessChecks().values().stream().allMatch(Boolean::booleanValue);
    }

    /** Every tenant's delivery status, at most a second old (for the admin page and per-tenant gauges). */
    public List<TenantStatus> tenantStatuses() {
        return core.statuses();
    }

    /**
     * The tenant's last hour on this instance, minute by minute (for {@code GET /api/tenants/NAME/history} on the admin
     * port), at most a second old; empty when the sink does not know the tenant: exactly when
     * {@link #tenantStatuses()} has no row for it. Any thread.
     */
    public Optional<TenantHistory> tenantHistory(String tenant) {
        return core.history(tenant);
    }

    /**
     * The status page's "send test notification": the tenant's current config, tested with {@link ConnectionTest}
     * (the sink's own HTTP client, TLS, destination policy, auth and signing). Blocks until the answer or the timeouts.
     */
    public StatusPage.ConnectionCheck testConnection(String tenant) {
        Route route = view.route(tenant);
        if (route instanceof Route.Drop drop) {
            return new StatusPage.ConnectionCheck(false, "not tested: the sink sends this tenant nothing (" + drop.reason() + ")");
        }
        if (route instanceof Route.Unusable unusable) {
            return new StatusPage.ConnectionCheck(false, "not sent, the config cannot be used: " + unusable.cause());
        }
        ConnectionTest.Result result = ConnectionTest.run(tenant, ((Route.Send) route).target(), settings.security(),
                settings.http());
        return new StatusPage.ConnectionCheck(result.passed(), result.message());
    }

    /** What {@link #isReady()} is made of, by name, for the admin port's {@code /health/ready}. */
    public Map<String, Boolean> readinessChecks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("delivering", !closing && deliveryThread.isAlive());
        checks.put("configCaughtUp", view.isCaughtUp());
        checks.put("partitionsAssigned", core.hasPartitions());
        return checks;
    }

    /**
     * Stops taking records, lets requests in flight finish for up to {@code SNS_SINK_SHUTDOWN_GRACE}, commits what is
     * finished and returns. Whatever did not finish is delivered again by the next owner.
     */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        LOG.info("Stopping sink");
        core.stop();
        join(deliveryThread, settings.shutdownGrace().plus(CLOSE_GRACE).plus(CLOSE_GRACE));
        if (deliveryThread.isAlive()) LOG.warn("Delivery still busy after the shutdown grace; closing anyway");
        follower.stop();
        join(followerThread, CLOSE_GRACE);
        clientMetrics.forEach(KafkaClientMetrics::close);
        core.closeClients();
        sender.close();
        LOG.info("Sink stopped");
    }

    /** Blocks until the delivery thread ends (after {@link #close()} or a fatal error). */
    void awaitStopped() throws InterruptedException {
        deliveryThread.join();
    }

    boolean isClosing() {
        return closing;
    }

    private static KafkaClientMetrics bind(KafkaClientMetrics metrics, MeterRegistry registry) {
        metrics.bindTo(registry);
        return metrics;
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaConsumer<String, byte[]> configConsumer(SinkSettings settings) {
        Properties props = Readers.ungrouped(settings.kafkaCopy(), "statusnotify-sink-config");
        // Should compaction or retention ever remove what we were about to read, start over rather than skip ahead.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaConsumer<String, byte[]> notificationConsumer(SinkSettings settings) {
        Properties props = settings.groupConsumerKafka();
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "statusnotify-sink");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        // Correctness, not tuning: these cannot be overridden by KAFKA_* variables.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The consumer group protocol (KIP-848) hands over only the partitions that change owner; the broker's range
        // assignor gives one instance the same partition number of both topics: a user's notifications and its
        // parked ones are then decided in one place, which is what keeps them in order.
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        props.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, "range");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
