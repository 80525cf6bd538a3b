package io.statusnotify.streams;

import io.statusnotify.topics.TopicNames;

import java.util.Objects;

/**
 * What the topology needs to know: the topic names, and whether tenants may get notifications while the
 * {@code __global__} switch record is absent.
 */
public record TopologySettings(TopicNames topics, boolean allowTenantConfigByDefault) {
    public TopologySettings {
        Objects.requireNonNull(topics, "topics");
    }

    public static TopologySettings defaults() {
        return new TopologySettings(TopicNames.defaults(), true);
    }
}
