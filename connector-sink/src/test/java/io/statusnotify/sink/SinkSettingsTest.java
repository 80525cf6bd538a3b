package io.statusnotify.sink;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkSettingsTest {

    @Test
    void defaultsFollowTheIssue() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")));

        assertThat(settings.groupId()).isEqualTo("statusnotify-sink");
        assertThat(settings.allowTenantConfigByDefault()).isTrue();
        assertThat(settings.http()).isEqualTo(new SinkSettings.Http(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(settings.retry()).isEqualTo(new SinkSettings.Retry(10, Duration.ofMillis(500), Duration.ofSeconds(60),
                Duration.ofMinutes(5)));
        assertThat(settings.topics().notifications()).isEqualTo("sns.notifications");
        assertThat(settings.kafka().getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    }

    @Test
    void everythingIsSettable() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:1", "SNS_SINK_GROUP_ID", "g", "SNS_ALLOW_TENANT_CONFIG_DEFAULT", "false",
                "SNS_HTTP_CONNECT_TIMEOUT", "1s", "SNS_HTTP_RESPONSE_TIMEOUT", "2s", "SNS_RETRY_MAX_ATTEMPTS", "3",
                "SNS_RETRY_INITIAL_BACKOFF", "10ms", "SNS_RETRY_MAX_BACKOFF", "20ms", "SNS_RETRY_AFTER_MAX", "1m",
                "SNS_TOPIC_NOTIFICATIONS", "n")));

        assertThat(settings.groupId()).isEqualTo("g");
        assertThat(settings.allowTenantConfigByDefault()).isFalse();
        assertThat(settings.http()).isEqualTo(new SinkSettings.Http(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(settings.retry()).isEqualTo(new SinkSettings.Retry(3, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMinutes(1)));
        assertThat(settings.topics().notifications()).isEqualTo("n");
    }

    @Test
    void aMaxBackoffBelowTheInitialIsRejectedByName() {
        assertThatThrownBy(() -> SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "SNS_RETRY_INITIAL_BACKOFF", "2s", "SNS_RETRY_MAX_BACKOFF", "1s"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("SNS_RETRY_MAX_BACKOFF");
    }

    @Test
    void zeroAttemptsIsRejectedByName() {
        assertThatThrownBy(() -> SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "SNS_RETRY_MAX_ATTEMPTS", "0"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("SNS_RETRY_MAX_ATTEMPTS");
    }

    @Test
    void toStringHidesSecrets() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka...PlainLoginModule required password=\"topsecret\";")));
        assertThat(settings.toString()).doesNotContain("topsecret").contains("sasl.jaas.config=***");
    }
}
