package io.statusnotify.streams;

import io.statusnotify.settings.Settings;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The whole streams app on a real broker: an in-process KRaft broker ({@link TestKafka}) preloaded with events,
 * then {@link StreamsMain} in a child JVM (with JFR into {@code target/streams-run.jfr}) until every notification is
 * committed; reports the child JVM's CPU seconds (JIT and GC included) per event. Run with
 * {@code streams-app/cpu-bench.sh --run [events]}.
 */
final class StreamsRunBench {
    private StreamsRunBench() {
    }

    /** {@code warmup} events first (JVM start and JIT compilation), then {@code count} measured ones. */
    static void run(int count, int warmup) throws Exception {
        List<String> tenants = BenchEvents.tenants(20);
        List<BenchEvents.Event> events = BenchEvents.generate(20_000, tenants, 50_000, 42);
        try (TestKafka kafka = TestKafka.start(); Admin admin = kafka.admin()) {
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "SNS_STATE_DIR", Files.createTempDirectory("streams-run").toString(), "SNS_ADMIN_PORT", "0"));
            StreamsSettings settings = StreamsSettings.from(Settings.of(env));
            TopicNames topics = settings.topics();
            TopicProvisioner.ensureTopics(admin, topics, settings.layout());
            preload(kafka, topics, tenants, events, warmup + count);
            // What the broker took (a failed send is not retried), read back as end offsets: no markers on this topic.
            int preloaded = (int) admin.listOffsets(IntStream.range(0, settings.layout().partitions()).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topics.userStatus(), p), p -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(o -> o.offset()).sum();
            System.out.printf("preloaded %,d events%n", preloaded);
            ProcessBuilder child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-XX:StartFlightRecording=filename=target/streams-run.jfr,settings=profile,dumponexit=true",
                    "-cp", System.getProperty("java.class.path"), StreamsMain.class.getName()))
                    .redirectErrorStream(true).redirectOutput(Path.of("target/streams-run.log").toFile());
            child.environment().putAll(env);
            long started = System.nanoTime();
            Process process = child.start();
            int warm = Math.min(warmup, preloaded);
            awaitCommitted(admin, settings.applicationId(), warm, process);
            Duration warmCpu = process.toHandle().info().totalCpuDuration().orElseThrow();
            long warmAt = System.nanoTime();
            awaitCommitted(admin, settings.applicationId(), preloaded, process);
            long now = System.nanoTime();
            Duration cpu = process.toHandle().info().totalCpuDuration().orElseThrow();
            long measured = preloaded - warm;
            System.out.printf("streams JVM, all %,d events: %.1f s wall, %.2f s CPU, %,d ns CPU per event%n", preloaded,
                    (now - started) / 1e9, cpu.toNanos() / 1e9, cpu.toNanos() / preloaded);
            long warmNanos = cpu.minus(warmCpu).toNanos();
            System.out.printf("streams JVM, after %,d warm-up: %,d events, %.1f s wall (%,.0f/s), %.2f s CPU,"
                    + " %,d ns CPU per event%n", warm, measured, (now - warmAt) / 1e9, measured / ((now - warmAt) / 1e9),
                    warmNanos / 1e9, warmNanos / measured);
            process.destroy();
            process.waitFor();
        }
    }

    private static void preload(TestKafka kafka, TopicNames topics, List<String> tenants,
                                List<BenchEvents.Event> events, int count) {
        Properties props = kafka.producerProps();
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String tenant : tenants) {
                producer.send(new ProducerRecord<>(topics.tenantConfig(), tenant, ("{\"enabled\":true,\"serverUrl\":"
                        + "\"https://hooks.example.com/" + tenant + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < count; i++) {
                BenchEvents.Event event = events.get(i % events.size());
                producer.send(new ProducerRecord<>(topics.userStatus(), event.key(), event.value()));
            }
        }
    }

    /**
     * Polls the app's committed input offsets until all {@code count} events are consumed: under exactly-once
     * the offsets are committed with the notifications, so then every notification is written and visible.
     */
    private static long awaitCommitted(Admin admin, String applicationId, int count, Process process)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            long committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get()
                    .values().stream().filter(o -> o != null).mapToLong(o -> o.offset()).sum();
            if (committed >= count) return committed;
            Thread.sleep(100); // a benchmark's poll, not a test
        }
        throw new IllegalStateException("the streams app did not process " + count + " events in time");
    }
}
