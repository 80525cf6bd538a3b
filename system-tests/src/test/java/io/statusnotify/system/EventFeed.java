package io.statusnotify.system;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays the portal for pipeline tests: user-status events written at the steady rate of a {@link TrafficPlan}, in
 * the background (message {@code i} for the plan's tenant and user of {@code i}, cycling through a few states). What
 * became of each is read back from the topic: an event's identity is its partition and offset there.
 */
final class EventFeed implements AutoCloseable {
    private static final Duration TICK = Duration.ofMillis(5);
    private static final String[] STATES = {"Online", "Busy", "Ringing", "Offline"};
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final TrafficPlan plan;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile int sent;
    private volatile long startMillis;

    EventFeed(String bootstrapServers, String topic, TrafficPlan plan) {
        this.topic = topic;
        this.plan = plan;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    /** Starts playing the plan and returns at once. */
    EventFeed start() {
        startMillis = System.currentTimeMillis();
        ticker.scheduleAtFixedRate(this::sendDue, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void sendDue() {
        if (failure.get() != null) return;
        int due = plan.dueAt(System.currentTimeMillis() - startMillis);
        try {
            while (sent < due) {
                int i = sent;
                String tenant = plan.tenantOf(i);
                String member = plan.memberOf(i);
                String state = STATES[(i / plan.tenants().size()) % STATES.length];
                producer.send(new ProducerRecord<>(topic, Events.key(tenant, member), Events.statusOf(tenant, member,
                        state)), (metadata, e) -> {
                    if (e != null) failure.compareAndSet(null, e);
                    else acknowledged.incrementAndGet();
                });
                sent = i + 1;
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Events sent so far. */
    int sent() {
        return sent;
    }

    /** Waits until the whole plan is sent and on the broker; fails on the first send error. */
    void awaitAcknowledged(Duration timeout) {
        await("the portal's events acknowledged by the broker").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(failure.get()).as("a send of the event feed failed").isNull();
                    return sent == plan.total() && acknowledged.get() == plan.total();
                });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
