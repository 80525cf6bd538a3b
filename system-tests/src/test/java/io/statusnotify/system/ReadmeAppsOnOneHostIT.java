package io.statusnotify.system;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's two commands, {@code KAFKA_BOOTSTRAP_SERVERS=… ./statusnotify streams} and {@code … sink}, on one
 * host: two child JVMs of the same entry points, each on its default admin port (streams 9401, sink 9400), with
 * only what the README's production path adds (the streams app's state directory, the sink's key file for sealed
 * passwords). The broker is this test's own, so the apps' default topic names and groups meet no other test.
 */
class ReadmeAppsOnOneHostIT {
    private static final int STREAMS_ADMIN_PORT = 9401;
    private static final int SINK_ADMIN_PORT = 9400;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(40);
    private static final String USERNAME = "portal";
    private static final String PASSWORD = "readme-on-one-host-42";
    private static final String PATH = "/sns";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givenBothAppsOnDefaultAdminPortsWhenAnEventArrivesThenItsNotificationIsDeliveredAndBothAreReady(
            @TempDir Path dir) throws Exception {
        assumePortFree(SINK_ADMIN_PORT, "the sink's");
        assumePortFree(STREAMS_ADMIN_PORT, "the streams app's");
        Path keysFile = Files.writeString(dir.resolve("secret-keys.properties"), SecretKeys.generateLine("k1") + "\n");
        try (DedicatedBroker broker = DedicatedBroker.start("readme-one-host");
             RecordingReceiver receiver = RecordingReceiver.start();
             PortalProducer portal = new PortalProducer(broker.bootstrapServers())) {
            String bootstrap = broker.bootstrapServers();
            // given the tenant configured first, as the README's walkthrough does: an event of a tenant the streams
            // app has not seen yet is dropped (unknown-tenant), and it reads the whole config topic before RUNNING
            provisionDefaultTopics(bootstrap);
            portal.send(TopicNames.TENANT_CONFIG, Events.SEED_TENANT, sealedConfig(receiver.url(PATH), keysFile));
            Process streams = ChildJvm.start("io.statusnotify.streams.StreamsMain", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", bootstrap, "SNS_STATE_DIR", dir.resolve("state").toString()),
                    "readme-one-host-streams", List.of());
            Process sink = ChildJvm.start("io.statusnotify.sink.SinkMain", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", bootstrap, SecretKeys.KEYS_FILE, keysFile.toString()),
                    "readme-one-host-sink", List.of());
            try {
                // and both apps running side by side, each ready on its own default admin port
                awaitReady(streams, STREAMS_ADMIN_PORT, "readme-one-host-streams");
                awaitReady(sink, SINK_ADMIN_PORT, "readme-one-host-sink");

                // when the portal sends the seed's event
                portal.send(TopicNames.USER_STATUS, Events.SEED_KEY, Events.seedEvent());

                // then the receiver gets its notification, with the tenant's credentials
                Received request = ReceiverWaits.awaitExactlyOne(receiver, PATH);
                SeedNotification.assertBasicAuth(request, USERNAME, PASSWORD);
                SeedNotification.assertMatchesSeed(request.body());
                assertThat(status(STREAMS_ADMIN_PORT)).as("streams app /health/ready").isEqualTo(200);
                assertThat(status(SINK_ADMIN_PORT)).as("sink /health/ready").isEqualTo(200);
            } finally {
                stop(sink);
                stop(streams);
            }
            // The JVM's own code for a SIGTERM stop (128 + 15), not the apps' failure codes 1 and 2.
            assertThat(streams.exitValue()).as("streams app exit code after SIGTERM").isEqualTo(143);
            assertThat(sink.exitValue()).as("sink exit code after SIGTERM").isEqualTo(143);
        }
    }

    private static void assumePortFree(int port, String whose) {
        boolean free;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            free = true;
        } catch (IOException e) {
            free = false;
        }
        assumeTrue(free, () -> "port " + port + " (" + whose + " default admin port) is taken on this machine;"
                + " this test needs it free to run both apps on their defaults");
    }

    /** The topics as either app creates them at start with no SNS_TOPIC_* set. */
    private static void provisionDefaultTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner.ensureTopics(admin, TopicNames.defaults(), TopicLayout.from(Settings.of(Map.of())));
        }
    }

    /** The tenant's record as `statusnotify tenant put` writes it: the password sealed with the sink's key. */
    private static String sealedConfig(String url, Path keysFile) {
        SecretBox box = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS_FILE, keysFile.toString()))));
        TenantConfig config = new TenantConfig(true, url, USERNAME, null)
                .withSecrets(box.seal(Events.SEED_TENANT, TenantConfig.PASSWORD, PASSWORD), null, null);
        return new String(Json.write(config), StandardCharsets.UTF_8);
    }

    private void awaitReady(Process app, int port, String logName) {
        await(logName + " ready on " + port).atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                .until(() -> {
                    if (!app.isAlive()) {
                        throw new AssertionError(logName + " exited with " + app.exitValue() + ":\n"
                                + ChildJvm.logText(logName));
                    }
                    return status(port) == 200;
                });
    }

    private int status(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            app.destroyForcibly().waitFor();
            throw new AssertionError("pid " + app.pid() + " did not stop within " + EXIT_TIMEOUT + " of SIGTERM");
        }
    }
}
