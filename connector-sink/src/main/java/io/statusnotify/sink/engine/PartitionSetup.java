package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.topics.TopicNames;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns what the group assigns into {@link PartitionWork}s, a pair at a time (partition N of the notifications and
 * of the retry topic): reads their committed offsets and the retry partition's end, then lets the
 * {@link AssignmentGate} admit the pair. Until then a partition waits, paused, with nothing of it delivered or
 * committed: when its offsets cannot be read (tried again after {@link #RETRY_AFTER}), or when its pair's other half
 * is not on this instance. Engine thread only.
 */
final class PartitionSetup {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionSetup.class);
    /** Reading offsets at assignment runs within poll: below max.poll.interval.ms (5 min). */
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /**
     * A retry runs on the engine thread between polls, holding up every other pair's answers, timers and commits
     * while it waits: it gives up soon and tries again later.
     */
    private static final Duration RETRY_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final TopicNames topics;
    private final AssignmentGate gate;
    private final Timers timers;
    private final Clock clock;
    private final Predicate<TopicPartition> owned;
    private final java.util.function.Consumer<PartitionWork> adopt;
    /** Assigned, not set up yet. */
    private final Set<TopicPartition> waiting = new HashSet<>();
    private boolean retryScheduled;

    /**
     * {@code owned}: whether the engine already has a partition set up; {@code adopt}: the engine takes a partition
     * just set up (before the gate admits its pair).
     */
    PartitionSetup(Consumer<?, ?> consumer, TopicNames topics, AssignmentGate gate, Timers timers, Clock clock,
                   Predicate<TopicPartition> owned, java.util.function.Consumer<PartitionWork> adopt) {
        this.consumer = consumer;
        this.topics = topics;
        this.gate = gate;
        this.timers = timers;
        this.clock = clock;
        this.owned = owned;
        this.adopt = adopt;
    }

    /** The group's assignment callback: sets up what it can now. */
    void assigned(Collection<TopicPartition> assigned) {
        waiting.addAll(assigned);
        setUp(TIMEOUT);
    }

    /** Revoked or lost: what of {@code gone} still waited is forgotten; returns those. */
    Set<TopicPartition> forget(Collection<TopicPartition> gone) {
        Set<TopicPartition> forgotten = new HashSet<>(gone);
        forgotten.retainAll(waiting);
        waiting.removeAll(forgotten);
        return forgotten;
    }

    /**
     * Sets up the waiting partitions whose pair is complete here. The group's range assignor hands a pair over in one
     * callback at both ends (ConsumerGroupProtocolAssignmentIT), so a lone half means a misconfigured group: it waits
     * for its other half rather than let a user's notifications and their parked ones be decided in two places.
     * Not a rebalance when offsets cannot be read: the consumer group protocol has none to ask for (enforceRebalance
     * does nothing there), and the classic one stopped every instance of the group.
     */
    private void setUp(Duration timeout) {
        if (waiting.isEmpty()) return;
        Set<TopicPartition> ready = new HashSet<>();
        for (TopicPartition tp : waiting) {
            TopicPartition other = otherHalf(tp);
            if (waiting.contains(other) || owned.test(other)) {
                ready.add(tp);
            } else {
                LOG.warn("Assigned {} without {}: per-user order needs both on one instance; holding it", tp, other);
            }
        }
        consumer.pause(waiting);
        if (ready.isEmpty()) return;
        Set<TopicPartition> retries = new HashSet<>();
        ready.stream().filter(tp -> !isRetry(tp)).forEach(tp -> retries.add(otherHalf(tp)));
        Map<TopicPartition, OffsetAndMetadata> committed;
        Map<TopicPartition, Long> retryEnds;
        try {
            Set<TopicPartition> wanted = new HashSet<>(ready);
            wanted.addAll(retries);
            committed = consumer.committed(wanted, timeout);
            retryEnds = consumer.endOffsets(retries, timeout);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Could not set up {} ({}); they stay paused, trying again in {}", ready, e.toString(), RETRY_AFTER);
            scheduleRetry();
            return;
        }
        waiting.removeAll(ready);
        Map<TopicPartition, PartitionWork> works = new HashMap<>();
        for (TopicPartition tp : ready) {
            PartitionWork work = new PartitionWork(tp, isRetry(tp), committed.get(tp));
            works.put(tp, work);
            adopt.accept(work);
        }
        for (TopicPartition tp : ready) {
            if (isRetry(tp)) continue;
            TopicPartition retry = otherHalf(tp);
            gate.admit(works.get(tp), retry, ready.contains(retry), committed.get(retry),
                    retryEnds.getOrDefault(retry, Long.MAX_VALUE));
        }
        // What the gate holds it keeps paused; the rest delivers now (backpressure pauses it again at its cap).
        List<TopicPartition> free = ready.stream().filter(tp -> !gate.holds(tp)).toList();
        if (!free.isEmpty()) consumer.resume(free);
    }

    private void scheduleRetry() {
        if (retryScheduled) return;
        retryScheduled = true;
        timers.at(clock.millis() + RETRY_AFTER.toMillis(), () -> {
            retryScheduled = false;
            setUp(RETRY_TIMEOUT);
        });
    }

    private boolean isRetry(TopicPartition tp) {
        return tp.topic().equals(topics.notificationsRetry());
    }

    private TopicPartition otherHalf(TopicPartition tp) {
        return new TopicPartition(isRetry(tp) ? topics.notifications() : topics.notificationsRetry(), tp.partition());
    }
}
