package io.statusnotify.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft broker of its own, in a child JVM ({@code kafka.Kafka server.properties}) on a fixed port and
 * log directory, so a test can stop it (SIGTERM) and start it again without touching the shared test broker.
 */
final class DedicatedBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private final String name;
    private final Path config;
    private final int port;
    private Process process;
    private int starts;

    private DedicatedBroker(String name, Path config, int port) {
        this.name = name;
        this.config = config;
        this.port = port;
    }

    /** Formats a fresh log directory under target/ and starts the broker; returns once it answers. */
    static DedicatedBroker start(String name) {
        Path dir = Path.of("target", "dedicated-broker", name + "-" + System.currentTimeMillis()).toAbsolutePath();
        int port = freePort();
        int controllerPort = freePort();
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, properties(dir.resolve("data"), port, controllerPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        format(name, config);
        DedicatedBroker broker = new DedicatedBroker(name, config, port);
        broker.startProcess();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGTERM (a clean, controlled shutdown); returns the exit code once the JVM is gone. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("broker " + name + " did not stop within " + STOP_TIMEOUT);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again on the same port and log directory; returns once it answers. */
    void restart() {
        startProcess();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void startProcess() {
        starts++;
        process = ChildJvm.start("kafka.Kafka", Map.of(), name + "-broker-" + starts, List.of(config.toString()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            await("broker " + name + " answering").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("broker exited with " + process.exitValue() + ", see "
                                    + ChildJvm.log(name + "-broker-" + starts).toAbsolutePath());
                        }
                        return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() == 1;
                    });
        }
    }

    private static void format(String name, Path config) {
        Process formatting = ChildJvm.start("kafka.tools.StorageTool", Map.of(), name + "-format",
                List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
                        "--ignore-formatted"));
        try {
            if (!formatting.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new AssertionError("cannot format the broker's log directory: " + ChildJvm.logText(name + "-format"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String properties(Path data, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                // One node: internal topics must not ask for more replicas than exist.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // As TestKafka: tests may give their consumer groups short heartbeats and sessions (ConsumerGroupTiming).
                "group.consumer.min.heartbeat.interval.ms=100",
                "group.consumer.min.session.timeout.ms=1000",
                "");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
