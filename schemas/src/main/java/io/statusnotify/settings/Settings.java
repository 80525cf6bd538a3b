package io.statusnotify.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads settings once from environment variables (or any map of them), typed and validated. Every error names
 * the variable and the rule it broke. Every read is noted with its kind, default and range ({@link #reads()}), so a
 * test can hold the settings reference of the docs against what the code reads.
 */
public final class Settings {
    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "SECRET", "JAAS", "KEY", "TOKEN", "CREDENTIAL");
    private final Map<String, String> env;
    private final Set<SettingRead> reads = Collections.synchronizedSet(new LinkedHashSet<>());

    private Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static Settings of(Map<String, String> env) {
        return new Settings(env);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    /** Every setting read so far, in the order first read; a setting read twice alike is listed once. */
    public List<SettingRead> reads() {
        synchronized (reads) {
            return List.copyOf(reads);
        }
    }

    public String string(String name, String defaultValue) {
        noteRead(name, SettingRead.Kind.STRING, defaultValue, null, null);
        String value = raw(name);
        return value == null ? defaultValue : value;
    }

    public String requiredString(String name) {
        noteRead(name, SettingRead.Kind.REQUIRED, null, null, null);
        String value = raw(name);
        if (value == null) {
            throw new SettingsException(name + ": required, not set");
        }
        return value;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        noteRead(name, SettingRead.Kind.INTEGER, defaultValue, min, max);
        String value = raw(name);
        if (value == null) return defaultValue;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new SettingsException(name + ": must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + ": must be an integer between " + min + " and " + max + ", was '" + value + "'");
        }
    }

    public short shortInteger(String name, short defaultValue, short min, short max) {
        return (short) integer(name, defaultValue, min, max);
    }

    /** A duration in milliseconds ({@code 1500}) or with a unit ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}). */
    public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        noteRead(name, SettingRead.Kind.DURATION, defaultValue, min, max);
        String value = raw(name);
        if (value == null) return defaultValue;
        Duration parsed = parseDuration(name, value.toLowerCase(Locale.ROOT));
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw new SettingsException(name + ": must be between " + min.toMillis() + "ms and " + max.toMillis()
                    + "ms, was '" + value + "'");
        }
        return parsed;
    }

    /** A comma-separated list of durations ({@code 5s,30s,2m}), each within [min, max]; never empty. */
    public List<Duration> durations(String name, List<Duration> defaultValue, Duration min, Duration max) {
        noteRead(name, SettingRead.Kind.DURATIONS, defaultValue, min, max);
        String value = raw(name);
        if (value == null) return defaultValue;
        List<Duration> parsed = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                throw new SettingsException(name + ": must be a comma-separated list of durations such as 5s,30s,2m, was '" + value + "'");
            }
            Duration d = parseDuration(name, item);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new SettingsException(name + ": every duration must be between " + min.toMillis() + "ms and "
                        + max.toMillis() + "ms, was '" + part.trim() + "'");
            }
            parsed.add(d);
        }
        return List.copyOf(parsed);
    }

    /** A decimal number within [min, max]. */
    public double decimal(String name, double defaultValue, double min, double max) {
        noteRead(name, SettingRead.Kind.DECIMAL, defaultValue, min, max);
        String value = raw(name);
        if (value == null) return defaultValue;
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed >= min && parsed <= max)) {
                throw new SettingsException(name + ": must be between " + min + " and " + max + ", was '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + ": must be a number, was '" + value + "'");
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        noteRead(name, SettingRead.Kind.BOOLEAN, defaultValue, null, null);
        String value = raw(name);
        if (value == null) return defaultValue;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException(name + ": must be true or false, was '" + value + "'");
        };
    }

    /** A Kafka topic name: legal characters only, at most 249 of them. */
    public String topicName(String name, String defaultValue) {
        noteRead(name, SettingRead.Kind.TOPIC, defaultValue, null, null);
        String value = raw(name);
        if (value == null) value = defaultValue;
        if (!value.matches("[a-zA-Z0-9._-]{1,249}") || value.equals(".") || value.equals("..")) {
            throw new SettingsException(name + ": not a legal Kafka topic name (letters, digits, '.', '_', '-'; at most 249), was '" + value + "'");
        }
        return value;
    }

    /**
     * Kafka client configs from {@code KAFKA_*} variables: {@code KAFKA_BOOTSTRAP_SERVERS} becomes
     * {@code bootstrap.servers}, {@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}.
     */
    public Properties kafkaClientProperties() {
        noteRead(SettingRead.KAFKA_CLIENT_CONFIGS, SettingRead.Kind.KAFKA_CLIENT, null, null, null);
        noteRead("KAFKA_BOOTSTRAP_SERVERS", SettingRead.Kind.REQUIRED, null, null, null);
        Properties props = new Properties();
        new TreeMap<>(env).forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > "KAFKA_".length() && value != null && !value.isBlank()) {
                props.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value.trim());
            }
        });
        if (!props.containsKey("bootstrap.servers")) {
            throw new SettingsException("KAFKA_BOOTSTRAP_SERVERS: required, not set (e.g. localhost:9092)");
        }
        return props;
    }

    private String raw(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private void noteRead(String name, SettingRead.Kind kind, Object defaultValue, Object min, Object max) {
        reads.add(new SettingRead(name, kind, defaultValue, min, max));
    }

    /** For logs: the value, or {@code ***} when the name suggests a secret. */
    public static String redact(String name, Object value) {
        String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
        return SECRET_WORDS.stream().anyMatch(upper::contains) ? "***" : String.valueOf(value);
    }

    private static Duration parseDuration(String name, String value) {
        try {
            if (value.endsWith("ms")) return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            if (value.endsWith("s")) return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            if (value.endsWith("m")) return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            if (value.endsWith("d")) return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
            if (value.endsWith("h")) return Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SettingsException(name + ": must be a duration such as 1500, 500ms, 10s, 2m, 1h or 7d, was '" + value + "'");
        }
    }
}
