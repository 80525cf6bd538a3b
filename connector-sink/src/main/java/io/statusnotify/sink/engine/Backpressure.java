package io.statusnotify.sink.engine;


import io.statusnotify.sink.offsets.PartitionWork;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Pauses a topic's partitions when what the sink holds of it reaches its cap, and resumes them once that is down to
 * three quarters of the cap: the notifications topic by its buffered records, the retry topic by the parked
 * notifications kept by offset only. Never resumes a partition the {@link AssignmentGate} holds. Engine thread only.
 */
final class Backpressure {
    private final Consumer<?, ?> consumer;
    private final LimitSettings limits;
    private final Predicate<TopicPartition> heldForScan;

    Backpressure(Consumer<?, ?> consumer, LimitSettings limits, Predicate<TopicPartition> heldForScan) {
        this.consumer = consumer;
        this.limits = limits;
        this.heldForScan = heldForScan;
    }

    /** Once per loop, over the assigned partitions and the dispatcher's counts now. */
    void apply(Collection<PartitionWork> works, int bufferedMain, int unloadedRetries) {
        pauseOrResume(works, false, bufferedMain, limits.maxBufferedRecords());
        // Past SNS_SINK_MAX_BUFFERED_RETRIES parked notifications are kept by offset only: reading the retry topic goes
        // on (another tenant's recovery never waits behind a long backlog) until those references reach their own cap.
        pauseOrResume(works, true, unloadedRetries, limits.maxParkedByOffset());
    }

    private void pauseOrResume(Collection<PartitionWork> works, boolean retryTopic, int buffered, int cap) {
        boolean pause = buffered >= cap;
        // Runs every loop: the partition sets are only built when there is something to change.
        if (!pause && (buffered >= cap * 3L / 4 || consumer.paused().stream().allMatch(heldForScan))) return;
        Set<TopicPartition> topicPartitions = new HashSet<>();
        works.stream().filter(w -> w.retryTopic == retryTopic).forEach(w -> topicPartitions.add(w.partition));
        if (pause) {
            consumer.pause(topicPartitions);
        } else {
            Set<TopicPartition> paused = new HashSet<>(consumer.paused());
            paused.retainAll(topicPartitions);
            paused.removeIf(heldForScan);
            if (!paused.isEmpty()) consumer.resume(paused);
        }
    }
}
