package io.statusnotify.settings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsListsTest {
    private static final Duration MIN = Duration.ZERO;
    private static final Duration MAX = Duration.ofDays(30);

    @Test
    void durationListsReadEveryUnitIncludingDays() {
        Settings settings = Settings.of(Map.of("SNS_RETRY_DELAYS", "5s, 30s,2m,1h,7d"));

        assertThat(settings.durations("SNS_RETRY_DELAYS", List.of(), MIN, MAX)).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(7));
    }

    @Test
    void badListItemNamesTheVariableAndTheItem() {
        Settings empty = Settings.of(Map.of("SNS_RETRY_DELAYS", "5s,,2m"));
        Settings tooLong = Settings.of(Map.of("SNS_RETRY_DELAYS", "5s,90d"));

        assertThatThrownBy(() -> empty.durations("SNS_RETRY_DELAYS", List.of(), MIN, MAX))
                .hasMessageStartingWith("SNS_RETRY_DELAYS: must be a comma-separated list");
        assertThatThrownBy(() -> tooLong.durations("SNS_RETRY_DELAYS", List.of(), MIN, MAX))
                .hasMessageStartingWith("SNS_RETRY_DELAYS: every duration must be between").hasMessageContaining("'90d'");
    }

    @Test
    void decimalsAreRangeChecked() {
        assertThat(Settings.of(Map.of("SNS_RETRY_JITTER", "0.25")).decimal("SNS_RETRY_JITTER", 0.2, 0, 1)).isEqualTo(0.25);
        assertThatThrownBy(() -> Settings.of(Map.of("SNS_RETRY_JITTER", "2")).decimal("SNS_RETRY_JITTER", 0.2, 0, 1))
                .hasMessageStartingWith("SNS_RETRY_JITTER: must be between 0.0 and 1.0");
        assertThatThrownBy(() -> Settings.of(Map.of("SNS_RETRY_JITTER", "lots")).decimal("SNS_RETRY_JITTER", 0.2, 0, 1))
                .hasMessage("SNS_RETRY_JITTER: must be a number, was 'lots'");
    }

    @Test
    void aDurationTooLargeToHoldNamesTheVariable() {
        Settings settings = Settings.of(Map.of("SNS_RETRY_MAX_AGE", "9999999999999999d"));

        assertThatThrownBy(() -> settings.duration("SNS_RETRY_MAX_AGE", Duration.ofDays(7), MIN, MAX))
                .hasMessageStartingWith("SNS_RETRY_MAX_AGE: must be a duration");
    }
}
