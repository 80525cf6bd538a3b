package io.statusnotify.sink;

import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry point as a container runs it: a separate JVM, settings from the environment. */
@ExtendWith(SharedKafka.class)
class SinkMainIT {

    private record Exit(int code, String output) {
    }

    private static Exit runMain(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsink.test.log=target/sink-main-child.log", SinkMain.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SNS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sink exited").isTrue();
        return new Exit(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
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
                "SNS_TOPIC_PARTITIONS", "1", "SNS_TOPIC_REPLICATION_FACTOR", "1"));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains(configTopic).contains("compacted");
    }

    @Test
    void exitsWithCode2NamingAKafkaVariableTheClientRefuses() throws Exception {
        Exit exit = runMain(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9", "KAFKA_SECURITY_PROTOCOL", "BOGUS"));

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.output()).contains("KAFKA_SECURITY_PROTOCOL: ").contains("BOGUS");
    }
}
