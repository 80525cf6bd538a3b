package io.statusnotify.system;

import io.statusnotify.testing.ConsumerGroupTiming;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicLayout;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables both apps read, for one test's own topics, application id and sink group, so tests on
 * the one shared broker never see each other's records. The same map configures the in-process apps and a child JVM.
 */
record PipelineEnv(String bootstrapServers, TopicNames topics, int partitions, Map<String, String> variables) {

    PipelineEnv {
        variables = Map.copyOf(variables);
    }

    /** Fresh names; retries patient enough to outlast a receiver that is down for a few seconds. */
    static PipelineEnv fresh(String bootstrapServers, String testName) {
        String prefix = TestKafka.uniqueName(testName);
        TopicNames topics = TopicNames.prefixed(prefix);
        Map<String, String> env = new TreeMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.putAll(topics.asEnvironment());
        env.put("SNS_TOPIC_PARTITIONS", "3");
        env.put("SNS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("SNS_APPLICATION_ID", prefix + "-streams");
        env.put("SNS_SINK_GROUP_ID", prefix + "-sink");
        env.put("SNS_STATE_DIR", Path.of("target", "streams-state", prefix).toAbsolutePath().toString());
        env.put("SNS_RETRY_DELAYS", "1s,2s,4s");
        env.put("SNS_RETRY_THROTTLED_MIN_DELAY", "1s");
        env.put("SNS_HTTP_RESPONSE_TIMEOUT", "5s");
        // Several apps run side by side here; the admin port is tested on its own (SinkMainIT, StreamsMainIT).
        env.put("SNS_ADMIN_PORT", "0");
        // The portal-like test tenants carry clear-text passwords (sealing is tested in the sink and schemas).
        env.put("SNS_ALLOW_CLEARTEXT_PASSWORDS", "true");
        return new PipelineEnv(bootstrapServers, topics, 3, env);
    }

    static PipelineEnv fresh(TestKafka kafka, String testName) {
        return fresh(kafka.bootstrapServers(), testName);
    }

    PipelineEnv withPartitions(int count) {
        return new PipelineEnv(bootstrapServers, topics, count, with("SNS_TOPIC_PARTITIONS", Integer.toString(count)).variables);
    }

    PipelineEnv with(String name, String value) {
        Map<String, String> env = new TreeMap<>(variables);
        env.put(name, value);
        return new PipelineEnv(bootstrapServers, topics, partitions, env);
    }

    PipelineEnv without(String name) {
        Map<String, String> env = new TreeMap<>(variables);
        env.remove(name);
        return new PipelineEnv(bootstrapServers, topics, partitions, env);
    }

    /**
     * The delivery engine's retry settings made short enough for a test (also {@link #fresh}'s): parked records are
     * retried after 1 s, 2 s, then every 4 s, and a timeout or 429 waits 1 s rather than a minute.
     */
    PipelineEnv withShortRetries() {
        return with("SNS_RETRY_DELAYS", "1s,2s,4s").with("SNS_RETRY_THROTTLED_MIN_DELAY", "1s");
    }

    String sinkGroupId() {
        return variables.get("SNS_SINK_GROUP_ID");
    }

    /**
     * Creates the topics up front, so configs can be written before the apps start (the apps would create them too),
     * and gives the sink's group short heartbeats, so partitions change hands within about a second, not up to ten.
     */
    PipelineEnv provisionTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicProvisioner.ensureTopics(admin, topics, new TopicLayout(partitions, (short) 1));
            ConsumerGroupTiming.heartbeat(admin, sinkGroupId(), ConsumerGroupTiming.TEST_HEARTBEAT);
        }
        return this;
    }

    /**
     * The sink group's session made short (and its heartbeats), so a sink killed without leaving the group loses
     * its partitions to the next instance in seconds, not the broker's 45.
     */
    PipelineEnv shortSinkSession() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupTiming.heartbeatAndSession(admin, sinkGroupId(), ConsumerGroupTiming.TEST_HEARTBEAT,
                    ConsumerGroupTiming.TEST_SESSION);
        }
        return this;
    }
}
