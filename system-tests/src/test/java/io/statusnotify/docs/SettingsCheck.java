package io.statusnotify.docs;

import io.statusnotify.settings.SettingRead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Holds the settings reference against what the apps read: every variable an app reads has one row naming that app,
 * with the code's default and range; every row is read by each app it names. Problems come back as sentences.
 */
final class SettingsCheck {
    private final Map<String, String> placeholders;

    /** {@code placeholders}: words of a default the docs write for a value known only at run time ({@code <tmp>}). */
    SettingsCheck(Map<String, String> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    List<String> problems(Map<App, List<SettingRead>> reads, List<SettingsTable.Row> rows) {
        List<String> problems = new ArrayList<>();
        reads.forEach((app, appReads) -> {
            Map<String, List<SettingRead>> byName = appReads.stream()
                    .filter(r -> r.name().startsWith("SNS_") || r.name().startsWith("KAFKA_"))
                    .collect(Collectors.groupingBy(SettingRead::name));
            byName.forEach((name, same) -> {
                if (same.size() > 1) {
                    problems.add(name + ": " + app.label() + " reads it in " + same.size() + " ways: " + same);
                    return;
                }
                List<SettingsTable.Row> matching = rows.stream()
                        .filter(r -> r.name().equals(name) && r.apps().contains(app)).toList();
                if (matching.size() != 1) {
                    problems.add(name + ": read by " + app.label() + " (" + described(same.get(0)) + ") but "
                            + matching.size() + " rows of docs/configuration.md name it for " + app.label());
                    return;
                }
                compare(same.get(0), matching.get(0), app, problems);
            });
        });
        for (SettingsTable.Row row : rows) {
            for (App app : row.apps()) {
                boolean read = reads.getOrDefault(app, List.of()).stream().anyMatch(r -> r.name().equals(row.name()));
                if (!read) problems.add(row.where() + ": names " + app.label() + ", which does not read it");
            }
            if (row.apps().isEmpty()) problems.add(row.where() + ": no app");
            if (row.meaning().isBlank()) problems.add(row.where() + ": no meaning");
        }
        return problems;
    }

    private void compare(SettingRead read, SettingsTable.Row row, App app, List<String> problems) {
        String where = row.where() + " for " + app.label();
        boolean required = read.kind() == SettingRead.Kind.REQUIRED;
        if (required != row.required()) {
            problems.add(where + ": the code " + (required ? "requires it" : "does not require it") + ", the row says "
                    + (row.required() ? "(required)" : "it is optional"));
        }
        if (read.defaultValue() == null) {
            if (row.defaultValue() != null) problems.add(where + ": default `" + row.defaultValue() + "`, the code has none");
        } else if (row.defaultValue() == null || !matches(read.defaultValue(), row.defaultValue())) {
            problems.add(where + ": default " + (row.defaultValue() == null ? "missing" : "`" + row.defaultValue() + "`")
                    + ", the code's is `" + DocValues.format(read.defaultValue()) + "`");
        }
        if (read.min() == null) {
            if (row.min() != null) problems.add(where + ": range " + row.min() + "–" + row.max() + ", the code has none");
        } else if (row.min() == null || !DocValues.matches(read.min(), row.min())
                || !DocValues.matches(read.max(), row.max())) {
            problems.add(where + ": range " + (row.min() == null ? "missing" : row.min() + "–" + row.max())
                    + ", the code's is " + DocValues.format(read.min()) + "–" + DocValues.format(read.max()));
        }
    }

    private boolean matches(Object value, String written) {
        if (DocValues.matches(value, written)) return true;
        String filled = written;
        for (Map.Entry<String, String> p : placeholders.entrySet()) filled = filled.replace(p.getKey(), p.getValue());
        // A path made at run time: compare as paths (a temp directory may or may not end with a separator).
        return !filled.equals(written) && value instanceof String s
                && Objects.equals(Path.of(s).normalize(), Path.of(filled).normalize());
    }

    private static String described(SettingRead read) {
        String text = read.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (read.defaultValue() != null) text += ", default " + DocValues.format(read.defaultValue());
        if (read.min() != null) text += ", range " + DocValues.format(read.min()) + "–" + DocValues.format(read.max());
        return text;
    }
}
