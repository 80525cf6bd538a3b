package io.statusnotify.sink.engine;

import io.statusnotify.topics.TopicNames;

import java.time.Duration;

/**
 * What the delivery core reads of the sink's settings ({@code SinkSettings#engine()}), so the engine knows nothing
 * of the app around it.
 *
 * @param requestTimeout the longest one request can take (connect plus response timeout): how long a revoked
 *                       partition's requests in flight are waited for
 */
public record EngineSettings(String groupId, TopicNames topics, LimitSettings limits, RetrySettings retry,
                             boolean receiptsEnabled, Duration shutdownGrace, Duration commitInterval,
                             Duration requestTimeout) {
}
