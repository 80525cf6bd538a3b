package io.statusnotify.system;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.UserStatus;
import io.statusnotify.schema.UserStatusEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays the streams app for sink-only tests: writes notifications straight to the notifications topic at a steady
 * rate, key {@code tenant/memberID}, {@code creationTimestamp} = send time, {@code sequenceNum} unique and increasing
 * per key (one counter for the whole feed, so {@link Deliveries} can tell every notification apart).
 * The producer is idempotent and patient, so a broker that goes away for a while only delays the feed.
 */
final class NotificationFeed implements AutoCloseable {
    private static final Duration TICK = Duration.ofMillis(5);
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notification-feed");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, UserStatus> bodies = new ConcurrentHashMap<>();
    /** Per user, the sequenceNums sent, in send order; guarded by itself. */
    private final Map<String, List<Long>> sentByUser = new LinkedHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long nextSequenceNum = 1;
    private volatile TrafficPlan plan;
    private volatile ScheduledFuture<?> playing;
    private volatile int sentInRun;
    private volatile int sentBefore;
    private volatile long runStartMillis;

    NotificationFeed(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000), new StringSerializer(), new ByteArraySerializer());
    }

    /** Starts playing {@code plan} in the background and returns at once; one plan at a time. */
    synchronized void start(TrafficPlan next) {
        assertThat(plan == null || planFinished()).as("the previous plan is still playing").isTrue();
        sentBefore = sent();
        sentInRun = 0;
        runStartMillis = System.currentTimeMillis();
        plan = next;
        playing = ticker.scheduleAtFixedRate(() -> sendDue(next), 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Plays {@code plan} to the end and waits until the broker has every message. */
    void play(TrafficPlan plan, Duration timeout) {
        start(plan);
        awaitAcknowledged(timeout);
    }

    private void sendDue(TrafficPlan plan) {
        // A task whose cancel came too late (before it was known) must not play into the next plan.
        if (failure.get() != null || plan != this.plan) return;
        int due = plan.dueAt(System.currentTimeMillis() - runStartMillis);
        try {
            while (sentInRun < due) {
                send(plan.tenantOf(sentInRun), plan.memberOf(sentInRun));
                sentInRun++;
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        ScheduledFuture<?> task = playing;
        if (sentInRun == plan.total() && task != null) task.cancel(false);
    }

    private void send(String tenant, String member) {
        String key = Events.key(tenant, member);
        long sequenceNum;
        synchronized (sentByUser) {
            sequenceNum = nextSequenceNum++;
            sentByUser.computeIfAbsent(key, k -> new ArrayList<>()).add(sequenceNum);
        }
        UserStatus body = bodies.computeIfAbsent(key, k -> bodyOf(tenant, member));
        byte[] value = Json.write(Notification.of(sequenceNum, System.currentTimeMillis(), body));
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e != null) failure.compareAndSet(null, e);
            else acknowledged.incrementAndGet();
        });
    }

    private static UserStatus bodyOf(String tenant, String member) {
        String event = Events.statusOf(tenant, member, Integer.parseInt(member) % 2 == 0 ? "Online" : "Busy");
        return Json.read(event.getBytes(StandardCharsets.UTF_8), UserStatusEvent.class).body();
    }

    /** Messages sent so far, all plans together. */
    int sent() {
        return sentBefore + sentInRun;
    }

    /** Messages of the current plan sent so far. */
    int sentInCurrentPlan() {
        return sentInRun;
    }

    long runStartMillis() {
        return runStartMillis;
    }

    private boolean planFinished() {
        return sentInRun == plan.total();
    }

    /** Waits until every message sent is on the broker; fails on the first send error. */
    void awaitAcknowledged(Duration timeout) {
        await("the feed's messages acknowledged by the broker").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    assertThat(failure.get()).as("a send of the feed failed").isNull();
                    return planFinished() && acknowledged.get() == sent();
                });
    }

    /** Per user, the sequenceNums sent, in order. */
    Map<String, List<Long>> sentByUser() {
        synchronized (sentByUser) {
            Map<String, List<Long>> copy = new LinkedHashMap<>();
            sentByUser.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    /** Per user of {@code tenant}, the sequenceNums sent, in order. */
    Map<String, List<Long>> sentByUserOf(String tenant) {
        Map<String, List<Long>> of = new LinkedHashMap<>();
        sentByUser().forEach((key, seqs) -> {
            if (key.startsWith(tenant + "/")) of.put(key, seqs);
        });
        return of;
    }

    /** Every sequenceNum sent. */
    List<Long> sentSequenceNums() {
        return sentByUser().values().stream().flatMap(List::stream).toList();
    }

    int sentTo(String tenant) {
        return sentByUserOf(tenant).values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
