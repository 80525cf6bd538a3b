package io.statusnotify.sink;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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
        assertThat(settings.retry()).isEqualTo(new SinkSettings.Retry(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1)), 0.2,
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofDays(7), 0));
        assertThat(settings.limits()).isEqualTo(new SinkSettings.Limits(1000, 64, 1000, Duration.ofSeconds(5), 10_000, 10_000, 200_000, 100, 3));
        assertThat(settings.receiptsEnabled()).isTrue();
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.topics().notificationsRetry()).isEqualTo("sns.notifications.retry");
        assertThat(settings.topics().deliveryReceipts()).isEqualTo("sns.delivery-receipts");
        assertThat(settings.topics().notifications()).isEqualTo("sns.notifications");
        assertThat(settings.kafka().getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    }

    @Test
    void everythingIsSettable() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "b:1"), Map.entry("SNS_SINK_GROUP_ID", "g"),
                Map.entry("SNS_ALLOW_TENANT_CONFIG_DEFAULT", "false"), Map.entry("SNS_HTTP_CONNECT_TIMEOUT", "1s"),
                Map.entry("SNS_HTTP_RESPONSE_TIMEOUT", "2s"), Map.entry("SNS_RETRY_MAX_ATTEMPTS", "3"),
                Map.entry("SNS_RETRY_DELAYS", "1s,2s"), Map.entry("SNS_RETRY_JITTER", "0"),
                Map.entry("SNS_RETRY_THROTTLED_MIN_DELAY", "3s"), Map.entry("SNS_RETRY_AFTER_MAX", "1m"),
                Map.entry("SNS_RETRY_MAX_AGE", "2d"), Map.entry("SNS_SINK_MAX_IN_FLIGHT", "7"),
                Map.entry("SNS_TENANT_MAX_IN_FLIGHT", "2"), Map.entry("SNS_TENANT_MAX_QUEUED", "5"),
                Map.entry("SNS_SINK_MAX_BUFFERED_RECORDS", "100"), Map.entry("SNS_SINK_MAX_BUFFERED_RETRIES", "50"),
                Map.entry("SNS_RECEIPTS_ENABLED", "false"), Map.entry("SNS_SINK_SHUTDOWN_GRACE", "4s"),
                Map.entry("SNS_TOPIC_NOTIFICATIONS", "n"))));

        assertThat(settings.groupId()).isEqualTo("g");
        assertThat(settings.allowTenantConfigByDefault()).isFalse();
        assertThat(settings.http()).isEqualTo(new SinkSettings.Http(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(settings.retry()).isEqualTo(new SinkSettings.Retry(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                0, Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofDays(2), 3));
        assertThat(settings.limits()).isEqualTo(new SinkSettings.Limits(7, 2, 5, Duration.ofSeconds(5), 100, 50, 200_000, 100, 3));
        assertThat(settings.receiptsEnabled()).isFalse();
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.topics().notifications()).isEqualTo("n");
    }

    @Test
    void badRetrySettingsAreRejectedByName() {
        assertThatThrownBy(() -> SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "SNS_RETRY_DELAYS", "5s,soon"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_RETRY_DELAYS");
        assertThatThrownBy(() -> SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "SNS_RETRY_DELAYS", "0"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_RETRY_DELAYS: every duration must be between 100ms");
        assertThatThrownBy(() -> SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "SNS_TENANT_MAX_IN_FLIGHT", "0"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_TENANT_MAX_IN_FLIGHT");
    }

    @Test
    void toStringHidesSecrets() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka...PlainLoginModule required password=\"topsecret\";")));
        assertThat(settings.toString()).doesNotContain("topsecret").contains("sasl.jaas.config=***");
    }
}
