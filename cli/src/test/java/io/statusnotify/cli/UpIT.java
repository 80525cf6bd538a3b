package io.statusnotify.cli;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.RecordingReceiver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code statusnotify up} in this JVM, on free ports and a temporary data dir: broker, apps, demo, stop. */
class UpIT {
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final StringWriter output = new StringWriter();
    private final UpCommand up = new UpCommand();
    private final List<UpCommand> started = new CopyOnWriteArrayList<>(List.of(up));
    private final int kafkaPort = Ports.free();

    @AfterEach
    void stopEverything() throws Exception {
        for (UpCommand command : started) {
            command.stop();
            command.awaitStopped(Duration.ofSeconds(60));
        }
        runner.shutdownNow();
    }

    private Future<Integer> startUp(String... args) throws InterruptedException {
        CommandLine commandLine = StatusnotifyCommand.commandLine(up);
        commandLine.setOut(new PrintWriter(output, true));
        Future<Integer> exitCode = runner.submit(() -> commandLine.execute(args));
        assertThat(up.awaitStarted(Duration.ofSeconds(60))).as("up started; output so far:%n%s", output).isTrue();
        return exitCode;
    }

    private long recordsOn(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    @Test
    void demoNotificationsReachTheDemoReceiverWithValidAuthAndStopReleasesTheBroker(@TempDir Path dataDir)
            throws Exception {
        int receiverPort = Ports.free();
        Future<Integer> exitCode = startUp("--kafka-port", Integer.toString(kafkaPort),
                "--receiver-port", Integer.toString(receiverPort), "--data-dir", dataDir.toString(), "--rate", "10");
        DemoReceiver receiver = up.demoReceiver();

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted() >= 3);

        assertThat(receiver.rejected()).isZero();
        assertThat(receiver.notifications()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> {
            assertThat(n.version()).isEqualTo(1);
            assertThat(n.queueTimestamp()).isNotNull().isGreaterThanOrEqualTo(n.creationTimestamp());
            assertThat(n.tenant()).isEqualTo("demo");
        });
        assertThat(output.toString()).contains("localhost:" + kafkaPort, "127.0.0.1:" + receiverPort, "Ctrl-C",
                "tenant=demo", "auth=ok");

        up.stop();

        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(Ports.isFree(kafkaPort)).as("broker port released").isTrue();
        assertThat(Ports.isFree(receiverPort)).as("receiver port released").isTrue();
    }

    @Test
    void restartOnTheSameDataDirKeepsTopicsAndDeliversAgainWithinSeconds(@TempDir Path dataDir) throws Exception {
        String[] args = {"--kafka-port", Integer.toString(kafkaPort), "--receiver-port", Integer.toString(Ports.free()),
                "--data-dir", dataDir.toString(), "--rate", "10"};
        Future<Integer> firstRun = startUp(args);
        await().atMost(Duration.ofSeconds(60)).until(() -> up.demoReceiver().accepted() >= 1);
        up.stop();
        assertThat(firstRun.get(60, TimeUnit.SECONDS)).isZero();
        long eventsOfFirstRun = up.eventsSent();
        assertThat(eventsOfFirstRun).isPositive();

        UpCommand again = new UpCommand();
        started.add(again);
        long secondRunStart = System.currentTimeMillis();
        Future<Integer> secondRun = runner.submit(() -> StatusnotifyCommand.commandLine(again).execute(args));
        assertThat(again.awaitStarted(Duration.ofSeconds(60))).isTrue();
        assertThat(recordsOn("portal.user-status")).as("the first run's events are still there")
                .isGreaterThanOrEqualTo(eventsOfFirstRun);
        // The previous run's stream member is gone: no 45 s wait for its session to expire.
        await().atMost(Duration.ofSeconds(20)).until(() -> again.demoReceiver().notifications().stream()
                .filter(n -> n.creationTimestamp() >= secondRunStart).count() >= 3);
        assertThat(again.demoReceiver().rejected()).as("left-over notifications sent with this run's password").isZero();

        again.stop();
        assertThat(secondRun.get(60, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void withoutDemoTheSeedEventAndATenantConfigFromAPlainProducerReachTheTestersReceiver(@TempDir Path dataDir)
            throws Exception {
        try (RecordingReceiver tester = RecordingReceiver.start()) {
            Future<Integer> exitCode = startUp("--no-demo", "--kafka-port", Integer.toString(kafkaPort),
                    "--data-dir", dataDir.toString());
            assertThat(up.demoReceiver()).isNull();
            assertThat(output.toString()).contains("kafka-console-producer.sh", "sns.tenant-config", "portal.user-status");

            TenantConfig config = new TenantConfig(true, tester.url("/hooks/default"), "sns", "pa55-word");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("sns.tenant-config", "Default",
                        new String(Json.write(config), StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>("portal.user-status", "Default/2727", Banner.SEED_EVENT))
                        .get(30, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> !tester.requestsTo("/hooks/default").isEmpty());

            RecordingReceiver.Received request = tester.requestsTo("/hooks/default").get(0);
            assertThat(request.header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("sns:pa55-word".getBytes(StandardCharsets.UTF_8)));
            Notification notification = Json.read(request.body().getBytes(StandardCharsets.UTF_8), Notification.class);
            assertThat(notification.version()).isEqualTo(1);
            assertThat(notification.queueTimestamp()).isNotNull();
            assertThat(notification.userStatusNotification().user().userName()).isEqualTo("kram");
            assertThat(notification.userStatusNotification().conference().callState()).isEqualTo("IN PROGRESS");

            up.stop();
            assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(Ports.isFree(kafkaPort)).as("broker port released").isTrue();
        }
    }
}
