package io.statusnotify.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.sink.SinkApp;
import io.statusnotify.sink.SinkSettings;
import io.statusnotify.streams.StreamsApp;
import io.statusnotify.streams.StreamsSettings;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's secret scan: the whole pipeline (CLI, streams app, sink) runs with two known passwords, one sealed by
 * {@code tenant put} and one in clear text (allowed by the setting), through a 401, 500s, the retry topic and the DLQ,
 * and the ops commands that show it. Then every captured log line, every record (key, value, headers) of every topic
 * the test used, the sink's meters and every CLI output are scanned for the passwords and their basic-auth form.
 * The one place a password may be is the config topic, where the clear-text one is stored by choice: the scan must
 * find it there, which shows the scan would find it elsewhere.
 */
@ExtendWith(SharedKafka.class)
class SecretScanIT {
    private static final String STALE_PASSWORD = "Stale-pw-93d0a1";
    private static final String SEALED_PASSWORD = "Sealed-pw-7f3c19";
    private static final String CLEAR_PASSWORD = "Clear-pw-2b8e44";
    private static final String USERNAME = "portal";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void noPasswordNorItsAuthorizationFormAppearsInLogsTopicsMetersOrCliOutput(TestKafka kafka, @TempDir Path dir)
            throws Exception {
        String prefix = TestKafka.uniqueName("scan");
        OpsRun ops = OpsRun.on(kafka, prefix, pipelineSettings(prefix, dir));
        List<String> forbidden = List.of(STALE_PASSWORD, SEALED_PASSWORD, CLEAR_PASSWORD,
                basic(STALE_PASSWORD), basic(SEALED_PASSWORD), basic(CLEAR_PASSWORD));
        List<String> cliOutputs = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (LogCapture log = LogCapture.of("io.statusnotify", "org.apache.kafka");
             RecordingReceiver sealedServer = RecordingReceiver.start();
             RecordingReceiver clearServer = RecordingReceiver.start()) {
            // given a tenant whose server refuses its stale password (401) and fails (500) with the right one, and a
            // tenant whose server accepts
            String rightHeader = "Basic " + basic(SEALED_PASSWORD);
            sealedServer.respondWith(request -> Reply.status(rightHeader.equals(request.header("authorization")) ? 500 : 401));
            Path stalePw = Files.writeString(dir.resolve("stale.pw"), STALE_PASSWORD + "\n");
            Path sealedPw = Files.writeString(dir.resolve("sealed.pw"), SEALED_PASSWORD + "\n");
            Path clearPw = Files.writeString(dir.resolve("clear.pw"), CLEAR_PASSWORD + "\n");
            cli(ops, cliOutputs, 0, "tenant", "put", "sealed", "--url", sealedServer.url("/sns"), "--username", USERNAME,
                    "--password-file", stalePw.toString());
            cli(ops, cliOutputs, 0, "tenant", "put", "clear", "--url", clearServer.url("/sns"), "--username", USERNAME,
                    "--password-file", clearPw.toString(), "--cleartext-password");
            Settings settings = Settings.of(ops.environment);
            try (StreamsApp streams = StreamsApp.start(StreamsSettings.from(settings), meters);
                 SinkApp sink = SinkApp.start(SinkSettings.from(settings), meters)) {
                await("pipeline ready").atMost(TIMEOUT).until(() -> streams.isRunning() && sink.isReady());

                // when both tenants' users change status
                Path events = Files.writeString(dir.resolve("events.jsonl"), event("sealed", "11", "Busy") + "\n"
                        + event("clear", "21", "Busy") + "\n");
                cli(ops, cliOutputs, 0, "events", "send", "--file", events.toString());
                await("401 from the sealed tenant's server").atMost(TIMEOUT).until(() -> !sealedServer.requests().isEmpty());
                await("delivery to the clear tenant").atMost(TIMEOUT).until(() -> !clearServer.requests().isEmpty());

                // and the sealed tenant gets its right password (unparking it), with which its server answers 500 until the DLQ
                cli(ops, cliOutputs, 0, "tenant", "put", "sealed", "--password-file", sealedPw.toString());
                await("a dead letter").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .until(() -> !kafka.readAll(ops.topics.notificationsDlq()).isEmpty());

                // and the ops commands show it all
                cli(ops, cliOutputs, 0, "tenant", "get", "sealed", "--output", "json");
                cli(ops, cliOutputs, 0, "tenant", "get", "clear");
                cli(ops, cliOutputs, 0, "tenant", "list", "--output", "json");
                cli(ops, cliOutputs, 0, "tenant", "list");
                String dlq = cli(ops, cliOutputs, 0, "dlq", "list", "--output", "json");
                cli(ops, cliOutputs, 0, "dlq", "list");
                cli(ops, cliOutputs, 0, "tail", "--from-beginning", "--max", "2", "--output", "json");
                cli(ops, cliOutputs, 0, "tail", "--from-beginning", "--max", "2");
                assertThat(dlq).contains("sealed");
                assertThat(kafka.readAll(ops.topics.notificationsRetry())).as("records on the retry topic").isNotEmpty();
            }

            // then the servers did get the passwords (the secrets were in use) ...
            assertThat(sealedServer.requests()).anySatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Basic " + basic(SEALED_PASSWORD)));
            assertThat(clearServer.requests()).anySatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Basic " + basic(CLEAR_PASSWORD)));
            // ... and none of the logs, records, meters or CLI outputs hold one, except the clear one in the config topic
            List<String> logLines = log.lines();
            assertThat(logLines).as("captured log lines").isNotEmpty().anySatisfy(line -> assertThat(line).contains("sealed"));
            for (String line : logLines) assertThat(line).as("a log line").doesNotContain(forbidden);
            Map<String, Integer> hits = scanTopics(kafka, prefix, forbidden);
            assertThat(hits).as("records holding a secret, by topic").isEqualTo(Map.of(ops.topics.tenantConfig(), 1));
            meters.getMeters().forEach(meter -> assertThat(meter.getId().toString()).doesNotContain(forbidden));
            for (String output : cliOutputs) assertThat(output).as("CLI output").doesNotContain(forbidden);
        } finally {
            meters.close();
        }
    }

    private static Map<String, String> pipelineSettings(String prefix, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("SNS_APPLICATION_ID", prefix + "-streams");
        env.put("SNS_SINK_GROUP_ID", prefix + "-sink");
        env.put("SNS_STATE_DIR", dir.resolve("streams-state").toString());
        env.put("SNS_RETRY_DELAYS", "1s,1s");
        env.put("SNS_RETRY_THROTTLED_MIN_DELAY", "1s");
        env.put("SNS_RETRY_MAX_ATTEMPTS", "2");
        env.put("SNS_HTTP_RESPONSE_TIMEOUT", "5s");
        env.put("SNS_ADMIN_PORT", "0");
        env.put("SNS_SECRET_KEYS", SecretKeys.generateLine("k1").replaceFirst("=", ":"));
        env.put("SNS_ALLOW_CLEARTEXT_PASSWORDS", "true");
        return env;
    }

    private static String event(String tenant, String memberId, String state) {
        return "{\"user\":{\"userName\":\"user" + memberId + "\",\"memberID\":\"" + memberId + "\",\"userState\":\"" + state
                + "\",\"tenantName\":\"" + tenant + "\"},\"eventTimestamp\":" + System.currentTimeMillis() + "}";
    }

    private static String basic(String password) {
        return Base64.getEncoder().encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a CLI command, keeps both its outputs for the scan, and checks its exit code. */
    private static String cli(OpsRun ops, List<String> outputs, int expectedCode, String... args) {
        OpsRun.Result result = ops.run(args);
        outputs.add(result.out());
        outputs.add(result.err());
        assertThat(result.code()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(expectedCode);
        return result.out();
    }

    /** Every record (key, value, header keys and values) of every topic named {@code prefix}...; hits by topic. */
    private static Map<String, Integer> scanTopics(TestKafka kafka, String prefix, List<String> forbidden) throws Exception {
        List<String> topics = kafka.admin().listTopics().names().get().stream().filter(name -> name.startsWith(prefix)).toList();
        assertThat(topics).as("topics of this test").hasSizeGreaterThanOrEqualTo(7);
        Map<String, Integer> hits = new HashMap<>();
        int scanned = 0;
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : everything(kafka, topic)) {
                scanned++;
                StringBuilder text = new StringBuilder().append(utf8(record.key())).append('\n').append(utf8(record.value()));
                for (Header header : record.headers()) text.append('\n').append(header.key()).append('=').append(utf8(header.value()));
                if (forbidden.stream().anyMatch(text.toString()::contains)) hits.merge(topic, 1, Integer::sum);
            }
        }
        assertThat(scanned).as("records scanned").isGreaterThan(5);
        return hits;
    }

    /** Committed or not: a secret in an aborted transaction would be on disk all the same. */
    private static List<ConsumerRecord<byte[], byte[]>> everything(TestKafka kafka, String topic) {
        Properties props = kafka.consumerProps();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return records;
        }
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
