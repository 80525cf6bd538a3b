package io.statusnotify.cli;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.testing.RecordingReceiver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.UserStatus;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.testing.TestHttp;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
    private final List<UpCommand> started = new CopyOnWriteArrayList<>();
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
        return startUp(up, output, args);
    }

    private Future<Integer> startUp(UpCommand command, StringWriter out, String... args) throws InterruptedException {
        started.add(command);
        CommandLine commandLine = StatusnotifyCommand.commandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        // The admin page and the console only where a test asks for them: runs may overlap, 9400 and 9500 be taken.
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (!all.contains("--admin-port")) all.addAll(List.of("--admin-port", "0"));
        if (!all.contains("--console-port")) all.addAll(List.of("--console-port", "0"));
        String[] withAdmin = all.toArray(String[]::new);
        Future<Integer> exitCode = runner.submit(() -> commandLine.execute(withAdmin));
        assertThat(command.awaitStarted(Duration.ofSeconds(60))).as("up started; output so far:%n%s", out).isTrue();
        return exitCode;
    }

    private String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    /** Every value of {@code key} on the config topic, oldest first; null for a tombstone. */
    private List<String> configHistoryOf(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("sns.tenant-config", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                });
            }
            return values;
        }
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
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
        int adminPort = Ports.free();
        int consolePort = Ports.free();
        Future<Integer> exitCode = startUp("--kafka-port", Integer.toString(kafkaPort),
                "--receiver-port", Integer.toString(receiverPort), "--data-dir", dataDir.toString(), "--rate", "10",
                "--admin-port", Integer.toString(adminPort), "--console-port", Integer.toString(consolePort));
        DemoReceiver receiver = up.demoReceiver();

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted() >= 3);
        HttpClient http = TestHttp.client();
        URI admin = URI.create("http://127.0.0.1:" + adminPort);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(TestHttp.request(admin.resolve("/api/tenants"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"tenant\":\"demo\""));
        assertThat(http.send(TestHttp.request(admin.resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(output.toString()).contains("status page      http://localhost:" + adminPort + "/");
        // the console, with the super-admin whose password the banner shows once
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("console          http://localhost:" + consolePort
                + "/   \\(log in as admin, password (\\S+): shown this once\\)").matcher(output.toString());
        assertThat(shown.find()).as("console line in%n%s", output).isTrue();
        HttpResponse<String> login = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                TestHttp.request(URI.create("http://127.0.0.1:" + consolePort + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + shown.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("location")).hasValue("/");
        assertThat(Files.readString(dataDir.resolve("web.config.yml"))).doesNotContain(shown.group(1));

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
        assertThat(Ports.isFree(adminPort)).as("admin port released").isTrue();
        assertThat(Ports.isFree(consolePort)).as("console port released").isTrue();
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
        long secondRunStart = System.currentTimeMillis();
        Future<Integer> secondRun = startUp(again, new StringWriter(), args);
        assertThat(configHistoryOf("demo")).as("first run's config, its tombstone on a clean stop, this run's config")
                .hasSize(3).satisfies(history -> {
                    assertThat(history.get(0)).contains("\"username\":\"demo\"");
                    assertThat(history.get(1)).isNull();
                    assertThat(history.get(2)).contains("\"username\":\"demo\"").isNotEqualTo(history.get(0));
                });
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

    @Test
    void noDemoRunRemovesTheTenantAKilledDemoRunLeftSoOwnNotificationsDoNotWaitBehindItsLeftovers(@TempDir Path dataDir)
            throws Exception {
        // Given what a demo run killed with SIGKILL leaves: its tenant, pointing at its receiver (now gone), and
        // queued notifications for it on every partition, each retried for minutes if the tenant stayed.
        String[] args = {"--no-demo", "--kafka-port", Integer.toString(kafkaPort), "--data-dir", dataDir.toString()};
        Future<Integer> firstRun = startUp(args);
        String goneReceiver = "http://127.0.0.1:" + Ports.free() + "/notifications";
        DemoTenant.configure(bootstrap(), TopicNames.defaults(), goneReceiver, DemoTenant.newCredentials(),
                new SecretBox(SecretKeys.from(LocalSettings.forEmbeddedBroker(Map.of(), bootstrap(), dataDir))));
        int leftovers = 18;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < leftovers; i++) {
                DemoUser user = DemoUser.ROSTER.get(i % DemoUser.ROSTER.size());
                UserStatus body = new UserStatus(user.withState("Online"), null, null, null, null, null, null);
                producer.send(new ProducerRecord<>("sns.notifications", i % 6, NotificationKey.of(body.user()),
                        Json.write(Notification.of(i, System.currentTimeMillis(), body)))).get(30, TimeUnit.SECONDS);
            }
        }
        up.stop();
        assertThat(firstRun.get(60, TimeUnit.SECONDS)).isZero();

        // When up --no-demo starts again on the same data dir
        UpCommand noDemo = new UpCommand();
        StringWriter noDemoOutput = new StringWriter();
        Future<Integer> secondRun = startUp(noDemo, noDemoOutput, args);

        // Then the leftover tenant is gone, and the user's own tenant gets its notification within seconds
        assertThat(noDemoOutput.toString()).contains("Removed the demo tenant 'demo' left by an earlier demo run",
                goneReceiver);
        assertThat(configHistoryOf("demo")).last().isNull();
        assertThat(recordsOn("sns.notifications")).as("the demo leftovers").isGreaterThanOrEqualTo(leftovers);
        try (RecordingReceiver tester = RecordingReceiver.start()) {
            TenantConfig own = new TenantConfig(true, tester.url("/sns"), "portal", "s3cret");
            send("sns.tenant-config", "Default", Json.write(own));
            send("portal.user-status", "Default/2727", Banner.SEED_EVENT.getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(20)).until(() -> !tester.requestsTo("/sns").isEmpty());
        }
        noDemo.stop();
        assertThat(secondRun.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(noDemoOutput.toString()).contains("Stopped.");
    }
}
