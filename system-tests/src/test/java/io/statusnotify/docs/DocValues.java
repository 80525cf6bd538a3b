package io.statusnotify.docs;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Setting values as the docs write them: durations with a unit ({@code 10ms}, {@code 5s}, {@code 7d}; zero as
 * {@code 0}), lists comma-separated, numbers in plain digits. A value in the docs matches the code's when it reads as
 * the same value, the way the apps read it ({@code 60s} is {@code 1m}).
 */
final class DocValues {
    private static final Duration LONGEST = Duration.ofDays(100 * 365);

    private DocValues() {
    }

    /** How the docs write {@code value}. */
    static String format(Object value) {
        if (value instanceof Duration d) return duration(d);
        if (value instanceof List<?> list) return list.stream().map(DocValues::format).collect(Collectors.joining(","));
        if (value instanceof Double d) return new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }

    /** Whether {@code written} in the docs is {@code value}. */
    static boolean matches(Object value, String written) {
        try {
            if (value instanceof Duration d) return d.equals(parseDuration(written));
            if (value instanceof List<?> list) {
                String[] items = written.split(",");
                if (items.length != list.size()) return false;
                for (int i = 0; i < items.length; i++) {
                    if (!matches(list.get(i), items[i].trim())) return false;
                }
                return true;
            }
            if (value instanceof Double d) return new BigDecimal(written).compareTo(new BigDecimal(d.toString())) == 0;
            return String.valueOf(value).equals(written);
        } catch (NumberFormatException | SettingsException e) {
            return false;
        }
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) return "0";
        for (Map.Entry<String, Long> unit : List.of(Map.entry("d", 86_400_000L), Map.entry("h", 3_600_000L),
                Map.entry("m", 60_000L), Map.entry("s", 1_000L))) {
            if (ms % unit.getValue() == 0) return ms / unit.getValue() + unit.getKey();
        }
        return ms + "ms";
    }

    /** Read as the apps read a duration; a unit is required unless the value is 0 (the docs' form). */
    private static Duration parseDuration(String written) {
        if (!written.matches("0|\\d+(ms|s|m|h|d)")) throw new NumberFormatException(written);
        return Settings.of(Map.of("doc", written)).duration("doc", null, Duration.ZERO, LONGEST);
    }
}
