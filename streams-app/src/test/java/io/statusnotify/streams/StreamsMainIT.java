package io.statusnotify.streams;

import io.statusnotify.topics.TopicNames;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link StreamsMain} as its own JVM, the way the script and the container image run it. */
@ExtendWith(SharedKafka.class)
class StreamsMainIT {
    @TempDir
    Path dir;

    private Process launch(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StreamsMain.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SNS_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void missingBootstrapServersExitsWithAOneLineReason() throws Exception {
        Path log = dir.resolve("out.log");

        Process process = launch(Map.of(), log);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
                .anyMatch(line -> line.contains("Cannot start: KAFKA_BOOTSTRAP_SERVERS: required"));
    }

    @Test
    void sigtermStopsTheAppCleanly(TestKafka kafka) throws Exception {
        String prefix = TestKafka.uniqueName("main");
        Path log = dir.resolve("out.log");
        Map<String, String> env = new HashMap<>(TopicNames.prefixed(prefix).asEnvironment());
        env.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SNS_APPLICATION_ID", prefix,
                "SNS_STATE_DIR", dir.resolve("state").toString(),
                "SNS_ADMIN_PORT", "0"));
        Process process = launch(env, log);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("-> RUNNING"));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("PENDING_SHUTDOWN -> NOT_RUNNING");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void servesHealthAndPrometheusMetricsOnTheAdminPortAndIsReadyWhenRunning(TestKafka kafka) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String prefix = TestKafka.uniqueName("main-admin");
        Map<String, String> env = new HashMap<>(TopicNames.prefixed(prefix).asEnvironment());
        env.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SNS_APPLICATION_ID", prefix,
                "SNS_STATE_DIR", dir.resolve("admin-state").toString(),
                "SNS_ADMIN_PORT", String.valueOf(port), "SNS_ADMIN_BIND", "127.0.0.1"));
        Process process = launch(env, dir.resolve("admin.log"));
        HttpClient http = TestHttp.client();
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(http, port, "/health/ready").statusCode() == 200);

            assertThat(get(http, port, "/health/ready").body())
                    .isEqualTo("{\"status\":\"UP\",\"checks\":{\"streamsRunning\":true}}");
            assertThat(get(http, port, "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(http, port, "/metrics").body()).contains("sns_streams_events_in_total")
                    .contains("kafka_stream_");
        } finally {
            process.destroy();
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(TestHttp.request(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
