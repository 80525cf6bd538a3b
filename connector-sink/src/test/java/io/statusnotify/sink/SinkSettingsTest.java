package io.statusnotify.sink;

import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.sink.engine.LimitAlgorithm;
import io.statusnotify.sink.engine.LimitSettings;
import io.statusnotify.sink.engine.RetrySettings;
import io.statusnotify.sink.engine.TenantLimitSettings;

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
        assertThat(settings.http()).isEqualTo(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(settings.retry()).isEqualTo(new RetrySettings(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1)), 0.2,
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofDays(7), 0));
        assertThat(settings.limits()).isEqualTo(new LimitSettings(1000, 1000, 1000, Duration.ofSeconds(5), 10_000, 10_000, 200_000, 100, 3,
                new TenantLimitSettings(LimitAlgorithm.GRADIENT, 64, 4)));
        assertThat(settings.receiptsEnabled()).isTrue();
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.topics().notificationsRetry()).isEqualTo("sns.notifications.retry");
        assertThat(settings.topics().deliveryReceipts()).isEqualTo("sns.delivery-receipts");
        assertThat(settings.topics().notifications()).isEqualTo("sns.notifications");
        assertThat(settings.kafka().getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    }

    private static TenantLimitSettings tenantLimits(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KAFKA_BOOTSTRAP_SERVERS", "b:1");
        return SinkSettings.from(Settings.of(all)).limits().tenantLimits();
    }

    @Test
    void givenTheAdaptiveLimitsKeys_whenSet_thenTheyAreRead() {
        assertThat(tenantLimits(Map.of("SNS_TENANT_LIMIT", "AIMD", "SNS_TENANT_INITIAL_IN_FLIGHT", "16",
                "SNS_TENANT_MIN_IN_FLIGHT", "2"))).isEqualTo(new TenantLimitSettings(LimitAlgorithm.AIMD, 16, 2));
        assertThat(tenantLimits(Map.of("SNS_TENANT_LIMIT", " fixed ")).algorithm()).isEqualTo(LimitAlgorithm.FIXED);
        assertThat(tenantLimits(Map.of("SNS_TENANT_LIMIT", "gradient")).algorithm()).isEqualTo(LimitAlgorithm.GRADIENT);
    }

    @Test
    void givenACeilingBelowTheInitialOrMinimum_whenATenantsLimitIsMade_thenTheCeilingWins() {
        TenantLimitSettings limits = tenantLimits(Map.of("SNS_TENANT_MAX_IN_FLIGHT", "2"));

        assertThat(limits.initial(2)).isEqualTo(2);
        assertThat(limits.min(2)).isEqualTo(2);
        assertThat(limits.initial(1000)).isEqualTo(64);
    }

    @Test
    void givenBadAdaptiveLimitsValues_whenRead_thenTheMessageNamesTheKey() {
        assertThatThrownBy(() -> tenantLimits(Map.of("SNS_TENANT_LIMIT", "vegas")))
                .isInstanceOf(SettingsException.class).hasMessage("SNS_TENANT_LIMIT: must be gradient, aimd or fixed, was 'vegas'");
        assertThatThrownBy(() -> tenantLimits(Map.of("SNS_TENANT_INITIAL_IN_FLIGHT", "0")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_TENANT_INITIAL_IN_FLIGHT: must be between 1 and");
        assertThatThrownBy(() -> tenantLimits(Map.of("SNS_TENANT_MIN_IN_FLIGHT", "x")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_TENANT_MIN_IN_FLIGHT: must be an integer");
        assertThatThrownBy(() -> tenantLimits(Map.of("SNS_TENANT_MIN_IN_FLIGHT", "100")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNS_TENANT_MIN_IN_FLIGHT: must be at most SNS_TENANT_INITIAL_IN_FLIGHT (64), was 100");
        assertThatThrownBy(() -> tenantLimits(Map.of("SNS_TENANT_MAX_IN_FLIGHT", "10001")))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_TENANT_MAX_IN_FLIGHT: must be between 1 and");
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
        assertThat(settings.http()).isEqualTo(new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(settings.retry()).isEqualTo(new RetrySettings(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                0, Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofDays(2), 3));
        assertThat(settings.limits()).isEqualTo(new LimitSettings(7, 2, 5, Duration.ofSeconds(5), 100, 50, 200_000, 100, 3,
                new TenantLimitSettings(LimitAlgorithm.GRADIENT, 64, 4)));
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
    void givenClassicGroupTimings_whenTheGroupConsumerIsConfigured_thenItGoesWithoutThemAndTheOtherClientsKeepThem() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "KAFKA_SESSION_TIMEOUT_MS", "6000", "KAFKA_HEARTBEAT_INTERVAL_MS", "1000",
                "KAFKA_PARTITION_ASSIGNMENT_STRATEGY", "org.apache.kafka.clients.consumer.RangeAssignor",
                "KAFKA_MAX_POLL_RECORDS", "100")));

        // The consumer group protocol refuses them (ConfigException): the group's or the broker's configs decide.
        assertThat(settings.groupConsumerKafka()).doesNotContainKeys("session.timeout.ms", "heartbeat.interval.ms",
                "partition.assignment.strategy").containsEntry("max.poll.records", "100");
        assertThat(settings.kafkaCopy()).containsEntry("session.timeout.ms", "6000");
        assertThat(SinkSettings.FORCED_KAFKA_CONFIGS).containsKeys("group.protocol", "group.remote.assignor");
    }

    @Test
    void toStringHidesSecrets() {
        SinkSettings settings = SinkSettings.from(Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka...PlainLoginModule required password=\"topsecret\";")));
        assertThat(settings.toString()).doesNotContain("topsecret").contains("sasl.jaas.config=***");
    }
}
