package io.statusnotify.streams;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamsSettingsTest {

    private static StreamsSettings from(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return StreamsSettings.from(Settings.of(env));
    }

    @Test
    void defaultsAreExactlyOnceWithSafetyNetsAndTheDefaultTopics() {
        StreamsSettings settings = from();

        Properties props = settings.streamsProperties();
        assertThat(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("statusnotify-streams");
        assertThat(props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
        assertThat(props.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("1");
        assertThat(props.getProperty(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("-1");
        assertThat(props.getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("sns.user-status.dlq");
        assertThat(props.getProperty(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueExceptionHandler.class.getName());
        assertThat(props.getProperty(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueProcessingExceptionHandler.class.getName());
        assertThat(settings.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"),
                "statusnotify-streams", "statusnotify-streams"));
        assertThat(settings.topology().allowTenantConfigByDefault()).isTrue();
        assertThat(settings.topology().topics().userStatus()).isEqualTo("portal.user-status");
        // The config is accepted by Kafka Streams itself.
        assertThat(new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    }

    @Test
    void everySettingCanBeChanged() {
        StreamsSettings settings = from("SNS_APPLICATION_ID", "sns-eu", "SNS_PROCESSING_GUARANTEE", "at_least_once",
                "SNS_ALLOW_TENANT_CONFIG_DEFAULT", "false", "SNS_STATE_DIR", "/var/lib/sns",
                "SNS_STREAMS_NUM_THREADS", "4", "SNS_TOPIC_REPLICATION_FACTOR", "3",
                "SNS_TOPIC_USER_STATUS_DLQ", "eu.dlq");

        Properties props = settings.streamsProperties();
        assertThat(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("sns-eu");
        assertThat(props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
        assertThat(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo(Path.of("/var/lib/sns").toString());
        assertThat(props.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo("4");
        assertThat(props.getProperty(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("3");
        assertThat(props.getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("eu.dlq");
        assertThat(settings.topology().allowTenantConfigByDefault()).isFalse();
    }

    @Test
    void givenAtLeastOnceThenTheConfigStoreStillReadsCommittedRecordsOnly() {
        Properties props = from("SNS_PROCESSING_GUARANTEE", "at_least_once").streamsProperties();

        assertThat(new StreamsConfig(props).getGlobalConsumerConfigs("c")).containsEntry("isolation.level", "read_committed");
        assertThat(new StreamsConfig(from().streamsProperties()).getGlobalConsumerConfigs("c"))
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void kafkaVariablesPassThroughButSnsSettingsWin() {
        StreamsSettings settings = from("KAFKA_COMMIT_INTERVAL_MS", "250", "KAFKA_APPLICATION_ID", "ignored");

        Properties props = settings.streamsProperties();
        assertThat(props.getProperty("commit.interval.ms")).isEqualTo("250");
        assertThat(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("statusnotify-streams");
        assertThat(settings.adminProperties()).doesNotContainKey(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    }

    @Test
    void givenNoTimingSettings_whenConfigured_thenStreamsCommitsAndPollsForRealTime() {
        Properties props = from().streamsProperties();

        assertThat(props.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("10");
        assertThat(props.getProperty("producer.linger.ms")).isEqualTo("5");
        assertThat(props.getProperty(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("5");
        assertThat(props.getProperty("producer.retry.backoff.ms")).isEqualTo("2");
        StreamsConfig config = new StreamsConfig(props);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(10L);
        assertThat(config.getProducerConfigs("client").get("linger.ms")).isEqualTo("5");
    }

    @Test
    void givenTimingSettings_whenConfigured_thenTheyWinOverKafkaVariables() {
        Properties props = from("SNS_STREAMS_COMMIT_INTERVAL", "50ms", "KAFKA_COMMIT_INTERVAL_MS", "250",
                "SNS_STREAMS_PRODUCER_LINGER", "0", "KAFKA_PRODUCER_LINGER_MS", "100",
                "SNS_STREAMS_POLL_TIMEOUT", "20ms", "SNS_STREAMS_PRODUCER_RETRY_BACKOFF", "10ms",
                "KAFKA_RETRY_BACKOFF_MS", "100").streamsProperties();

        assertThat(props.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("50");
        assertThat(props.getProperty("producer.linger.ms")).isEqualTo("0");
        assertThat(props.getProperty(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("20");
        assertThat(props.getProperty("producer.retry.backoff.ms")).isEqualTo("10");
    }

    @Test
    void givenOnlyAPlainKafkaLinger_whenConfigured_thenItIsKeptForTheProducer() {
        Properties props = from("KAFKA_LINGER_MS", "20", "KAFKA_POLL_MS", "30").streamsProperties();

        assertThat(props.getProperty("producer.linger.ms")).isEqualTo("20");
        assertThat(props.getProperty(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("30");
    }

    @Test
    void givenTimingOutOfRangeOrUnreadable_whenRead_thenRejectedNamingTheVariable() {
        assertThatThrownBy(() -> from("SNS_STREAMS_COMMIT_INTERVAL", "0ms"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_STREAMS_COMMIT_INTERVAL:");
        assertThatThrownBy(() -> from("SNS_STREAMS_PRODUCER_LINGER", "soon"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_STREAMS_PRODUCER_LINGER:");
        assertThatThrownBy(() -> from("SNS_STREAMS_POLL_TIMEOUT", "1m"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_STREAMS_POLL_TIMEOUT:");
        assertThatThrownBy(() -> from("SNS_STREAMS_PRODUCER_RETRY_BACKOFF", "0"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_STREAMS_PRODUCER_RETRY_BACKOFF:");
        assertThatThrownBy(() -> from("KAFKA_COMMIT_INTERVAL_MS", "often"))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("KAFKA_COMMIT_INTERVAL_MS:");
    }

    @Test
    void unknownProcessingGuaranteeIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> from("SNS_PROCESSING_GUARANTEE", "exactly_once"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("SNS_PROCESSING_GUARANTEE:");
    }

    @Test
    void moreThan4096PartitionsAreRejected() {
        assertThatThrownBy(() -> from("SNS_TOPIC_PARTITIONS", "4097"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("SNS_TOPIC_PARTITIONS:");
        assertThat(from("SNS_TOPIC_PARTITIONS", "4096").layout().partitions()).isEqualTo(4096);
    }

    @Test
    void illegalApplicationIdAndThreadCountAreRejected() {
        assertThatThrownBy(() -> from("SNS_APPLICATION_ID", "my app")).hasMessageStartingWith("SNS_APPLICATION_ID:");
        assertThatThrownBy(() -> from("SNS_STREAMS_NUM_THREADS", "0")).hasMessageStartingWith("SNS_STREAMS_NUM_THREADS:");
    }

    @Test
    void missingBootstrapServersIsRejected() {
        assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of())))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS:");
    }

    @Test
    void toStringHidesSecrets() {
        StreamsSettings settings = from("KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule password=\"s3cret\"",
                "KAFKA_SSL_KEY_PASSWORD", "s3cret2");

        assertThat(settings.toString()).doesNotContain("s3cret").contains("sasl.jaas.config=***");
    }
}
