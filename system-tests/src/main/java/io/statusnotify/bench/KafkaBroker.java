package io.statusnotify.bench;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A fresh single-node KRaft broker (combined broker and controller) in a child JVM running {@code kafka.Kafka}, so
 * neither its CPU nor its GC pauses are charged to the harness's receivers.
 */
final class KafkaBroker implements AutoCloseable {
    private final ChildJava process;
    private final int port;

    private KafkaBroker(ChildJava process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param extraConfig broker configs on top of (and over) the benchmark's own */
    static KafkaBroker start(Path dataDir, Path log, String heap, Map<String, String> extraConfig) {
        int port = freePort();
        Properties props = properties(dataDir.resolve("log"), port, freePort());
        props.putAll(extraConfig);
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(config)) {
                props.store(writer, "statusnotify benchmark broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        format(config);
        ChildJava child = ChildJava.start("Kafka broker",
                List.of("-Xms" + heap, "-Xmx" + heap, "-Dlogback.configurationFile=io/statusnotify/bench/quiet-logback.xml"),
                "kafka.Kafka", List.of(config.toString()), Map.of(), log);
        KafkaBroker broker = new KafkaBroker(child, port);
        broker.awaitReady();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    double cpuSeconds() {
        return process.cpuSeconds();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * Waits until every partition of {@code topics} has a leader: a producer writing to a topic created a moment
     * ago otherwise meets NOT_LEADER_OR_FOLLOWER on its first batches.
     */
    void awaitLeaders(Admin admin, Collection<String> topics) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                boolean ready = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                if (ready) return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("topics " + topics + " have no leader after 60 s: " + process);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        process.stop(30);
    }

    private static Properties properties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                // One broker: internal topics must not ask for more replicas than exist.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")));
        return props;
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("cannot format Kafka storage: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = admin()) {
            while (true) {
                String died = process.deathNotice();
                if (died != null) throw new IllegalStateException("the Kafka broker did not start: " + died);
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                        process.stop(5);
                        throw new IllegalStateException("the Kafka broker did not become ready within 60 s: " + process);
                    }
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
