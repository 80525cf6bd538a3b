package io.statusnotify.cli;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) in this JVM, from Kafka's own server classes.
 * Its data lives in {@code logDir} and is reused when present, so a restart keeps topics and records.
 */
final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedKafka start(Path logDir, int port) {
        Ports.requireFree(port, "--kafka-port");
        Properties props = brokerProperties(logDir, port, Ports.free());
        format(logDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, port);
        kafka.awaitReady();
        LOG.info("Kafka broker ready on {} (data in {})", kafka.bootstrapServers(), logDir);
        return kafka;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                // A static voter set: the controller port may change between runs without touching the stored data.
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                // One broker: internal topics must not ask for more replicas than exist, or Streams hangs.
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
                // The apps create their topics; a typo in a producer's topic name should fail, not create one.
                Map.entry("auto.create.topics.enable", "false")));
        return props;
    }

    /** Formats the log dir unless it already holds a formatted broker (then its data is kept). */
    private static void format(Path logDir, Properties props) {
        try {
            Files.createDirectories(logDir);
            Path config = Files.createTempFile("statusnotify-kafka-", ".properties");
            try {
                try (Writer writer = Files.newBufferedWriter(config)) {
                    props.store(writer, "statusnotify embedded broker");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                int rc = StorageTool.execute(new String[]{"format", "--ignore-formatted",
                        "-t", clusterId(logDir), "-c", config.toString()},
                        new PrintStream(output, true, StandardCharsets.UTF_8));
                String said = output.toString(StandardCharsets.UTF_8).trim();
                if (rc != 0) {
                    throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + said);
                }
                LOG.debug("Kafka storage: {}", said);
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + logDir, e);
        }
    }

    /**
     * Removes the members this broker remembers in {@code groups}. The broker just started in this process, so
     * they are from a previous run; the coordinator would otherwise hold the next rebalance until their session
     * times out (45 s; Kafka Streams does not leave its group on close).
     */
    void forgetMembersOf(Collection<String> groups) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String group : groups) {
                removeMembers(admin, group);
            }
        }
    }

    private static void removeMembers(Admin admin, String group) {
        try {
            // The admin client retries while the coordinator is still loading the group after the restart.
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all()
                    .get(60, TimeUnit.SECONDS);
            LOG.info("Removed the previous run's members of group {}", group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A new or empty group has nobody to remove, and nothing to wait for either.
            LOG.debug("Group {}: nobody to remove ({})", group, e.toString());
        }
    }

    /** The id the data in {@code logDir} was formatted with, or a new one: a restart must present the same id. */
    private static String clusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(meta)) {
                stored.load(reader);
            }
            String id = stored.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker");
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " did not become ready: " + e);
        }
    }
}
