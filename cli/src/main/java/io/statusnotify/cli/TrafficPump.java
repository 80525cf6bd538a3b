package io.statusnotify.cli;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.UserStatusEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Produces the generator's events to the user-status topic at a steady rate, each stamped with the time it is sent. */
final class TrafficPump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficPump.class);
    private final TrafficGenerator generator;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Deque<UserStatusEvent> pending = new ArrayDeque<>();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "statusnotify-demo-traffic");
        thread.setDaemon(true);
        return thread;
    });

    private TrafficPump(TrafficGenerator generator, String bootstrapServers, String topic) {
        this.generator = generator;
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-demo-traffic"),
                new StringSerializer(), new ByteArraySerializer());
    }

    static TrafficPump start(TrafficGenerator generator, String bootstrapServers, String topic, double eventsPerSecond) {
        TrafficPump pump = new TrafficPump(generator, bootstrapServers, topic);
        long periodMicros = Math.max(1, Math.round(1_000_000 / eventsPerSecond));
        pump.ticker.scheduleAtFixedRate(pump::sendNext, 0, periodMicros, TimeUnit.MICROSECONDS);
        return pump;
    }

    long sent() {
        return sent.get();
    }

    private void sendNext() {
        try {
            if (pending.isEmpty()) {
                pending.addAll(generator.nextStep());
            }
            UserStatusEvent event = UserStatusEvent.of(pending.removeFirst().body(), System.currentTimeMillis());
            producer.send(new ProducerRecord<>(topic, event.userKey(), Json.write(event)), (metadata, error) -> {
                if (error != null) {
                    LOG.warn("Demo event for {} not sent: {}", event.userKey(), error.toString());
                } else {
                    sent.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: the next one tries again.
            LOG.warn("Demo traffic: {}", e.toString());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        LOG.info("Demo traffic stopped after {}", Words.count(sent(), "event"));
    }
}
