package io.statusnotify.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsOptionsTest {

    @Test
    void commandConfigPropertiesReachTheClientsWithTheBootstrapServers(@TempDir Path dir) throws Exception {
        OpsOptions options = new OpsOptions(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092"));
        options.commandConfig = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");

        Properties props = options.clientProperties();

        assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "env-broker:9092");
    }

    @Test
    void bootstrapServerOptionWinsOverTheEnvironment() {
        OpsOptions options = new OpsOptions(Map.of("KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092"));
        options.bootstrapServer = "given:9092";

        assertThat(options.clientProperties()).containsEntry("bootstrap.servers", "given:9092");
    }

    @Test
    void missingCommandConfigFileIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        OpsOptions options = new OpsOptions(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092"));
        options.commandConfig = dir.resolve("nope.properties");

        assertThatThrownBy(options::clientProperties).isInstanceOf(OpsFailure.class)
                .hasMessageStartingWith("--command-config: cannot read");
    }

    @Test
    void topicNamesComeFromTheAppsVariables() {
        OpsOptions options = new OpsOptions(Map.of("SNS_TOPIC_TENANT_CONFIG", "prod.tenant-config"));

        assertThat(options.topics().tenantConfig()).isEqualTo("prod.tenant-config");
        assertThat(options.topics().notifications()).isEqualTo("sns.notifications");
    }

    @Test
    void timeoutTakesTheProjectsDurationsAndIsBounded() {
        OpsOptions options = new OpsOptions(Map.of());
        options.timeout = "2m";
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));

        options.timeout = "0";
        assertThatThrownBy(options::timeout).isInstanceOf(OpsFailure.class).hasMessageStartingWith("--timeout: must be between");
    }
}
