package io.statusnotify.topics;

import io.statusnotify.settings.Settings;

/**
 * How missing topics are created: {@code SNS_TOPIC_PARTITIONS} (default 6) and {@code SNS_TOPIC_REPLICATION_FACTOR}
 * (default -1: the broker's default).
 */
public record TopicLayout(int partitions, short replicationFactor) {

    public static TopicLayout from(Settings settings) {
        return new TopicLayout(
                settings.integer("SNS_TOPIC_PARTITIONS", 6, 1, 10_000),
                settings.shortInteger("SNS_TOPIC_REPLICATION_FACTOR", (short) -1, (short) -1, Short.MAX_VALUE));
    }
}
