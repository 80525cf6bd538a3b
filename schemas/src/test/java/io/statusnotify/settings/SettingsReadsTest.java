package io.statusnotify.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link Settings#reads()} notes: what the code asked for, never what the environment holds. */
class SettingsReadsTest {

    @Test
    void everyReadIsNotedWithItsKindDefaultAndRangeOnceInTheOrderFirstRead() {
        Settings settings = Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "SNS_PORT", "9401"));

        settings.integer("SNS_PORT", 9400, 0, 65_535);
        settings.duration("SNS_WAIT", Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMinutes(5));
        settings.integer("SNS_PORT", 9400, 0, 65_535);
        settings.bool("SNS_ON", true);
        settings.kafkaClientProperties();

        assertThat(settings.reads()).containsExactly(
                new SettingRead("SNS_PORT", SettingRead.Kind.INTEGER, 9400, 0, 65_535),
                new SettingRead("SNS_WAIT", SettingRead.Kind.DURATION, Duration.ofSeconds(5), Duration.ofMillis(1),
                        Duration.ofMinutes(5)),
                new SettingRead("SNS_ON", SettingRead.Kind.BOOLEAN, true, null, null),
                new SettingRead(SettingRead.KAFKA_CLIENT_CONFIGS, SettingRead.Kind.KAFKA_CLIENT, null, null, null),
                new SettingRead("KAFKA_BOOTSTRAP_SERVERS", SettingRead.Kind.REQUIRED, null, null, null));
    }

    @Test
    void aReadWithAnotherDefaultIsNotedApartSoAConflictShows() {
        Settings settings = Settings.of(Map.of());

        settings.string("SNS_MODE", "a");
        settings.string("SNS_MODE", "b");

        assertThat(settings.reads()).extracting(SettingRead::defaultValue).containsExactly("a", "b");
    }

    @Test
    void theNotedReadsHoldNoValueOfTheEnvironment() {
        Settings settings = Settings.of(Map.of("SNS_SECRET_KEYS", "k1:c2VjcmV0", "SNS_RETRY_DELAYS", "1s,2s"));

        settings.string("SNS_SECRET_KEYS", null);
        settings.durations("SNS_RETRY_DELAYS", List.of(Duration.ofSeconds(5)), Duration.ofMillis(100), Duration.ofDays(1));

        assertThat(settings.reads().toString()).doesNotContain("c2VjcmV0").doesNotContain("1s").contains("PT5S");
    }
}
