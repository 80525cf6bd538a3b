package io.statusnotify.sink;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

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
    private final DeliveryLoop loop;
    private final HttpSender sender;
    private final DeadLetterWriter deadLetters;
    private final Thread followerThread;
    private final Thread deliveryThread;
    private volatile boolean closing;

    private SinkApp(SinkSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.view = new TenantConfigView(settings.allowTenantConfigByDefault());
        this.sender = new HttpSender(settings.http().connectTimeout(), settings.http().responseTimeout());
        this.deadLetters = new DeadLetterWriter(settings.kafkaCopy(), settings.topics().notificationsDlq());
        SinkSettings.Retry retry = settings.retry();
        Backoff backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff(), retry.retryAfterMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        RecordDelivery delivery = new RecordDelivery(view, sender, deadLetters, backoff, retry.maxAttempts(),
                new SinkMetrics(registry), Clock.systemUTC());
        this.loop = new DeliveryLoop(notificationConsumer(settings), settings.topics().notifications(), view, delivery);
        this.follower = new ConfigFollower(settings.kafkaCopy(), settings.topics().tenantConfig(), view, loop::stop);
        this.followerThread = new Thread(follower, "sink-config");
        this.deliveryThread = new Thread(loop, "sink-delivery");
    }

    /**
     * Creates missing topics (refusing, with {@link IllegalStateException}, a config topic that is not compacted),
     * then starts following config and delivering. Returns at once; see {@link #isReady()}.
     */
    public static SinkApp start(SinkSettings settings, MeterRegistry registry) {
        LOG.info("Starting sink: {}", settings);
        TopicSetup.ensureTopics(settings);
        SinkApp app = new SinkApp(settings, registry);
        app.followerThread.start();
        app.deliveryThread.start();
        return app;
    }

    /** True once the config view has caught up with the topic's end at start and partitions are assigned. */
    public boolean isReady() {
        return !closing && view.isCaughtUp() && loop.hasPartitions() && deliveryThread.isAlive();
    }

    /**
     * Stops taking records, ends any wait at once, lets the attempt in flight finish (or aborts it after the
     * response timeout), commits only finished records and returns.
     */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        LOG.info("Stopping sink");
        loop.stop();
        joinOrAbort();
        follower.stop();
        join(followerThread, CLOSE_GRACE);
        deadLetters.close();
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

    private void joinOrAbort() {
        join(deliveryThread, settings.http().responseTimeout().plus(CLOSE_GRACE));
        if (deliveryThread.isAlive()) {
            LOG.warn("Delivery still busy after {}; aborting the request in flight", settings.http().responseTimeout().plus(CLOSE_GRACE));
            sender.abort();
            join(deliveryThread, CLOSE_GRACE);
        }
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaConsumer<String, byte[]> notificationConsumer(SinkSettings settings) {
        Properties props = settings.kafkaCopy();
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "statusnotify-sink");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        // Correctness, not tuning: these cannot be overridden by KAFKA_* variables.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
