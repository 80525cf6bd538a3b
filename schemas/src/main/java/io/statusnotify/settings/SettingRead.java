package io.statusnotify.settings;

/**
 * One setting as the code asked for it: what {@link Settings} was told about the variable when it was read. The
 * settings reference (docs/configuration.md) is checked against these, so the default and range in the docs are the
 * ones the code uses.
 *
 * @param defaultValue what an unset variable means (an {@code Integer}, {@code Duration}, {@code List} of durations,
 *                     …), null when it has none
 * @param min          the least value allowed, null when the kind has no range
 * @param max          the most value allowed, null when the kind has no range
 */
public record SettingRead(String name, Kind kind, Object defaultValue, Object min, Object max) {
    /** The {@code KAFKA_*} client configs, read all at once by {@link Settings#kafkaClientProperties()}. */
    public static final String KAFKA_CLIENT_CONFIGS = "KAFKA_*";

    public enum Kind { STRING, REQUIRED, INTEGER, DECIMAL, BOOLEAN, DURATION, DURATIONS, TOPIC, KAFKA_CLIENT }
}
