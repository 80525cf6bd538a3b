package io.statusnotify.cli;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** {@code --since}: a duration back from now ({@code 30m}, {@code 2h}, {@code 7d}) or an ISO instant. */
final class Since {
    private Since() {
    }

    /** Null when {@code value} is null (no limit). */
    static Instant parse(String value, Instant now) {
        if (value == null) return null;
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                Duration back = Settings.of(Map.of("--since", value)).duration("--since", null, Duration.ZERO, Duration.ofDays(3650));
                return now.minus(back);
            } catch (SettingsException e) {
                throw OpsFailure.usage("--since: must be a duration back from now (30m, 2h, 7d) or an ISO instant "
                        + "(2026-11-25T10:00:00Z), was '" + value + "'");
            }
        }
    }
}
