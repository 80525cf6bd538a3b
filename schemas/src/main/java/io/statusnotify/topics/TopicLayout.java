package io.statusnotify.topics;

import io.statusnotify.settings.Settings;

/**
 * How missing topics are created: {@code SNS_TOPIC_PARTITIONS} (default 6) and {@code SNS_TOPIC_REPLICATION_FACTOR}
 * (default -1: the broker's default).
 */
public record TopicLayout(int partitions, short replicationFactor) {
    public static final int MAX_PARTITIONS = 4096;

    public static TopicLayout from(Settings settings) {
        return new TopicLayout(
                // sequenceNum keeps the input partition in 12 bits, so 4096 partitions at most.
                settings.integer("SNS_TOPIC_PARTITIONS", 6, 1, MAX_PARTITIONS),
                settings.shortInteger("SNS_TOPIC_REPLICATION_FACTOR", (short) -1, (short) -1, Short.MAX_VALUE));
    }
}
