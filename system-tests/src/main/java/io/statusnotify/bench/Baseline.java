package io.statusnotify.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * The naive delivery loop the sink (or the whole pipeline) is compared with, as the open HTTP sink connectors work
 * and as the portal itself did off a JMS queue: poll, POST each record synchronously, one at a time, commit after
 * each batch. What it POSTs where is its {@link Job}: a notification as read (sink mode), or one built from the
 * portal's event ({@link PortalJob}). Failed requests are logged and skipped (the receivers never fail, so none
 * should be).
 */
final class Baseline implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Baseline.class);
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> startOffsets;
    private final Job job;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread thread = new Thread(this, "baseline");
    private volatile boolean running = true;
    private long failures;

    /** The request for one record; null to skip it. */
    interface Job {
        Post post(ConsumerRecord<String, byte[]> record);
    }

    record Post(String url, String authorization, byte[] body) {
    }

    /** Sink mode: POSTs each notification as read to its tenant, named by the key's {@code tenant/} prefix. */
    Baseline(String bootstrapServers, Map<TopicPartition, Long> startOffsets, Function<String, String> urlOf) {
        this(bootstrapServers, startOffsets, (Job) record -> new Post(
                urlOf.apply(record.key().substring(0, record.key().indexOf('/'))), AUTHORIZATION, record.value()));
    }

    /** Reads from {@code startOffsets} (the partitions are assigned, no rebalance to wait for). */
    Baseline(String bootstrapServers, Map<TopicPartition, Long> startOffsets, Job job) {
        this.startOffsets = startOffsets;
        this.job = job;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.assign(startOffsets.keySet());
            startOffsets.forEach(consumer::seek);
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!running) break;
                    post(record);
                }
                if (!records.isEmpty()) consumer.commitSync();
            }
        } catch (WakeupException e) {
            // close() ended a poll.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void post(ConsumerRecord<String, byte[]> record) {
        try {
            Post post = job.post(record);
            if (post == null) return;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(post.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
            if (post.authorization() != null) request.header("Authorization", post.authorization());
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            if (failures++ < 5) LOG.warn("baseline POST for {} failed: {}", record.key(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
