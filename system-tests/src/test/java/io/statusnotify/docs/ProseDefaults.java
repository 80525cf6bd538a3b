package io.statusnotify.docs;

import io.statusnotify.settings.SettingRead;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defaults the prose repeats next to a setting's name, as in {@code `SNS_SINK_COMMIT_INTERVAL` (200 ms)} or
 * {@code `SNS_RETRY_JITTER` 20 %}: each must be the code's default, so a changed default cannot live on in a sentence.
 */
final class ProseDefaults {
    private static final Pattern MENTION = Pattern.compile(
            "`(SNS_[A-Z0-9_]+)` \\(?(\\d[\\d,]*(?:\\.\\d+)?) ?(ms|s|m|h|days?|d|%)?(?![\\w.])");

    private ProseDefaults() {
    }

    /** One line per repeated default that differs from {@code defaults} (by setting name). */
    static List<String> problems(String where, String text, Map<String, SettingRead> defaults) {
        List<String> problems = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            SettingRead read = defaults.get(m.group(1));
            if (read == null || read.defaultValue() == null) continue;
            BigDecimal number = new BigDecimal(m.group(2).replace(",", ""));
            if (!same(read.defaultValue(), number, m.group(3))) {
                problems.add(where + ": " + m.group() + " but the default is " + DocValues.format(read.defaultValue()));
            }
        }
        return problems;
    }

    private static boolean same(Object value, BigDecimal number, String unit) {
        if (value instanceof Duration d) {
            long millis = switch (unit == null ? "" : unit) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                case "d", "day", "days" -> 86_400_000;
                default -> -1;
            };
            return millis > 0 && number.multiply(BigDecimal.valueOf(millis)).compareTo(BigDecimal.valueOf(d.toMillis())) == 0;
        }
        if ("%".equals(unit)) number = number.movePointLeft(2);
        else if (unit != null) return false;
        return value instanceof Number n && number.compareTo(new BigDecimal(n.toString())) == 0;
    }
}
