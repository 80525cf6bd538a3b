package io.statusnotify.sink;

import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestHttp;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The entry point as a container runs it: a separate JVM, settings from the environment. */
@ExtendWith(SharedKafka.class)
class SinkMainIT {

    private record Exit(int code, String output) {
    }

    private static Exit runMain(Map<String, String> env) throws IOException, InterruptedException {
        Process process = startMain(env);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sink exited").isTrue();
        return new Exit(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Process startMain(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsink.test.log=target/sink-main-child.log", SinkMain.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SNS_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void exitsWithCode2NamingTheMissingSetting() throws Exception {
        Exit exit = runMain(Map.of());

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void exitsWithCode2WhenTheConfigTopicIsNotCompacted(TestKafka kafka) throws Exception {
        String configTopic = TestKafka.uniqueName("main-config");
        kafka.createTopic(configTopic, 1, Map.of("cleanup.policy", "delete"));

        Exit exit = runMain(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SNS_TOPIC_TENANT_CONFIG", configTopic, "SNS_TOPIC_NOTIFICATIONS", TestKafka.uniqueName("main-n"),
                "SNS_TOPIC_USER_STATUS", TestKafka.uniqueName("main-us"),
                "SNS_TOPIC_USER_STATUS_DLQ", TestKafka.uniqueName("main-us-dlq"),
                "SNS_TOPIC_NOTIFICATIONS_DLQ", TestKafka.uniqueName("main-n-dlq"),
                "SNS_TOPIC_PARTITIONS", "1", "SNS_TOPIC_REPLICATION_FACTOR", "1", "SNS_ADMIN_PORT", "0"));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains(configTopic).contains("compacted");
    }

    @Test
    void exitsWithCode2NamingTheBootstrapVariableWhenNoServerResolves() throws Exception {
        Exit exit = runMain(Map.of("KAFKA_BOOTSTRAP_SERVERS", "nosuchhost.invalid:9092", "SNS_ADMIN_PORT", "0"));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains("Sink not started: KAFKA_BOOTSTRAP_SERVERS: ");
    }

    @Test
    void exitsWithCode2NamingAKafkaVariableTheClientRefuses() throws Exception {
        Exit exit = runMain(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9", "KAFKA_SECURITY_PROTOCOL", "BOGUS",
                "SNS_ADMIN_PORT", "0"));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains("KAFKA_SECURITY_PROTOCOL: ").contains("BOGUS");
    }

    @Test
    void givenABrokerWithoutTheConsumerGroupProtocol_whenTheSinkJoinsItsGroup_thenItExitsWithCode1NamingTheFeature()
            throws Exception {
        try (TestKafka old = TestKafka.startWithoutConsumerGroupProtocol()) {
            Map<String, String> env = new HashMap<>(TopicNames.prefixed(TestKafka.uniqueName("main-old")).asEnvironment());
            env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", old.bootstrapServers(), "SNS_TOPIC_PARTITIONS", "1",
                    "SNS_TOPIC_REPLICATION_FACTOR", "1", "SNS_ADMIN_PORT", "0"));

            Exit exit = runMain(env);

            assertThat(exit.code()).isEqualTo(1);
            assertThat(exit.output()).contains("the consumer group protocol (KIP-848), which needs brokers 4.0 or newer")
                    .contains("group.version=1");
        }
    }

    @Test
    void servesHealthAndPrometheusMetricsOnTheAdminPortAndIsReadyOnceAssigned(TestKafka kafka) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(TopicNames.prefixed(TestKafka.uniqueName("main-admin")).asEnvironment());
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SNS_TOPIC_PARTITIONS", "1",
                "SNS_TOPIC_REPLICATION_FACTOR", "1", "SNS_SINK_GROUP_ID", TestKafka.uniqueName("main-admin-group"),
                "SNS_ADMIN_PORT", String.valueOf(port), "SNS_ADMIN_BIND", "127.0.0.1"));
        Process sink = startMain(env);
        HttpClient http = TestHttp.client();
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(http, port, "/health/live").statusCode() == 200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(http, port, "/health/ready").statusCode() == 200);

            assertThat(get(http, port, "/health/ready").body())
                    .isEqualTo("{\"status\":\"UP\",\"checks\":{\"delivering\":true,\"configCaughtUp\":true,\"partitionsAssigned\":true}}");
            String metrics = get(http, port, "/metrics").body();
            assertThat(metrics).contains("sns_sink_in_flight").contains("sns_sink_buffered{topic=\"retry\"}")
                    .contains("kafka_consumer_fetch_manager_records_lag_max");
        } finally {
            sink.destroy();
            assertThat(sink.waitFor(60, TimeUnit.SECONDS)).as("sink stopped on SIGTERM").isTrue();
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(TestHttp.request(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
