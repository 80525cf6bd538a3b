package io.statusnotify.streams;

import io.statusnotify.topics.TopicNames;

import java.util.Objects;

/**
 * What the topology needs to know: the topic names, whether tenants may get notifications while the
 * {@code __global__} switch record is absent, and the largest record it may write (a larger one would make the
 * exactly-once transaction fail again after every restart, so it is set aside on the DLQ instead).
 */
public record TopologySettings(TopicNames topics, boolean allowTenantConfigByDefault, int maxRecordBytes) {
    /** Below Kafka's default producer and broker limit (1 MiB), leaving room for headers and batch overhead. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    public TopologySettings {
        Objects.requireNonNull(topics, "topics");
    }

    public static TopologySettings defaults() {
        return new TopologySettings(TopicNames.defaults(), true, DEFAULT_MAX_RECORD_BYTES);
    }
}
