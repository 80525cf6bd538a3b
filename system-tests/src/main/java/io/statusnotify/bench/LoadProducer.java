package io.statusnotify.bench;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Writes the tenants' config records, then the load through ONE producer: notification records straight to the
 * notifications topic (sink mode: the sink alone is measured), or the portal's user-status events (pipeline mode;
 * see {@link RecordMaker}). Record numbers run on across calls, so every record of a run is unique. Its own CPU is
 * measured (the producing thread and the producer's I/O thread) to show it is not what limits the run. Not
 * thread-safe.
 */
final class LoadProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Workload workload;
    private static final String CLIENT_ID = "bench-load";
    private final RecordMaker maker;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long producingCpuNanos;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long next = 1;

    /** The value of record {@code n}, for {@code tenant}'s user {@code memberId}, made at {@code nowMs}. */
    interface RecordMaker {
        byte[] value(long n, String tenant, String memberId, long nowMs);
    }

    /** Sink mode: notifications numbered by the record number, created now. */
    LoadProducer(String bootstrapServers, Workload workload) {
        this(bootstrapServers, workload, notifications());
    }

    LoadProducer(String bootstrapServers, Workload workload, RecordMaker maker) {
        this.workload = workload;
        this.maker = maker;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                // Not idempotent, one request at a time: still in order, and a retry after a broker hiccup cannot
                // trip over the idempotent producer's sequence bookkeeping (seen: OUT_OF_ORDER_SEQUENCE_NUMBER
                // forever after a NOT_LEADER_OR_FOLLOWER on a new topic). A retried batch that had in fact been
                // written would show up as duplicates in the report, never silently.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
                ProducerConfig.ACKS_CONFIG, "all",
                // Small batches: a record waiting in the producer would count as sink latency.
                ProducerConfig.LINGER_MS_CONFIG, "1",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024),
                ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024)),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** One enabled config per tenant (idle ones too), pointing at {@code urlOf(tenant)}. */
    void writeConfigs(String topic, Function<String, String> urlOf) {
        for (String tenant : workload.tenants()) writeConfig(topic, tenant, urlOf.apply(tenant));
        for (String tenant : workload.idleTenants()) writeConfig(topic, tenant, urlOf.apply(tenant));
        finish();
    }

    /** Writes {@code count} notifications as fast as the broker takes them; returns once all are acknowledged. */
    long preload(String topic, long count) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (long i = 0; i < count; i++) send(topic);
        finish();
        producingCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
        return count;
    }

    /**
     * Writes {@code ratePerSecond} notifications a second, evenly spread, {@code rate x duration} in all (if the
     * machine falls behind, the rest goes out at once rather than being dropped); returns how many.
     */
    long paced(String topic, double ratePerSecond, Duration duration) {
        long total = Math.round(ratePerSecond * duration.toMillis() / 1000.0);
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long sent = 0;
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * ratePerSecond));
            while (sent < due) {
                send(topic);
                sent++;
            }
            LockSupport.parkNanos(200_000);
        }
        finish();
        producingCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
        return sent;
    }

    /** The sequence number the next notification will have. */
    long nextSequence() {
        return next;
    }

    private void send(String topic) {
        long n = next++;
        String tenant = workload.tenantOf(n);
        String member = workload.memberOf(n);
        byte[] value = maker.value(n, tenant, member, System.currentTimeMillis());
        producer.send(new ProducerRecord<>(topic, Notifications.key(tenant, member), value), this::onAck);
    }

    /**
     * CPU seconds so far of the thread that called {@link #preload} and {@link #paced} (within them), and of the
     * producer's I/O thread (compressing, sending), which Kafka names after the client id.
     */
    LoadCpu cpu() {
        double io = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("kafka-producer-network-thread | " + CLIENT_ID)) {
                io += Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e9;
            }
        }
        return new LoadCpu(producingCpuNanos / 1e9, io);
    }

    /** The config every benchmark tenant gets (the baseline looks the same up). */
    static TenantConfig config(String url) {
        return new TenantConfig(true, url, "u", "p");
    }

    private static RecordMaker notifications() {
        Notifications notifications = new Notifications();
        return (n, tenant, member, now) -> notifications.value(tenant, member, n, now);
    }

    private void writeConfig(String topic, String tenant, String url) {
        byte[] value = Json.write(config(url));
        producer.send(new ProducerRecord<>(topic, tenant, value), this::onAck);
    }

    private void onAck(Object metadata, Exception error) {
        if (error != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, error);
        }
    }

    private void finish() {
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records could not be written to Kafka",
                    firstFailure.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
