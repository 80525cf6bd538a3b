package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.kafka.RetryScan;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a newly assigned pair (partition N of the notifications and the retry topic) until the keys parked on its
 * retry partition are counted ({@link RetryScan}) and loaded into {@link ParkedKeys}: until then nothing of the pair
 * may reach the dispatcher (a newer notification must not overtake one parked by an earlier owner), so it stays
 * paused while the other pairs deliver. A failed count is tried again shortly; a revoked pair's count is abandoned.
 * Engine thread only ({@link #holds} included); counts come back through {@link EngineTasks}.
 */
final class AssignmentGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentGate.class);
    /** Counting a big retry backlog takes a while (on its own thread, so polling goes on meanwhile). */
    static final Duration SCAN_TIMEOUT = Duration.ofMinutes(4);
    static final Duration SCAN_RETRY_AFTER = Duration.ofSeconds(5);

    private final Consumer<?, ?> consumer;
    private final RetryScan scan;
    private final ParkedKeys parked;
    private final EngineTasks tasks;
    private final Timers timers;
    private final Clock clock;
    private final Runnable letGo;
    /** Pairs whose retry partition is being counted, by partition number: paused until their counts are loaded. */
    private final Map<Integer, PendingScan> scans = new HashMap<>();
    /** The partitions of those pairs: backpressure must never resume them, nor commit anything for them. */
    private final Set<TopicPartition> held = new HashSet<>();

    /** Pauses and resumes on {@code consumer}; closes {@code scan}; runs {@code letGo} after a pair is let go. */
    AssignmentGate(Consumer<?, ?> consumer, RetryScan scan, ParkedKeys parked, EngineTasks tasks, Timers timers,
                   Clock clock, Runnable letGo) {
        this.consumer = consumer;
        this.scan = scan;
        this.parked = parked;
        this.tasks = tasks;
        this.timers = timers;
        this.clock = clock;
        this.letGo = letGo;
    }

    /**
     * A notifications partition just assigned, with what its retry partition holds: delivers at once when nothing
     * waits there past {@code retryCommitted} (the usual case: no scan to queue behind another pair's), else holds
     * the pair ({@code retryAssigned}: whether the retry partition came with it) until its keys are counted.
     */
    void admit(PartitionWork notifications, TopicPartition retry, boolean retryAssigned,
               OffsetAndMetadata retryCommitted, long retryEnd) {
        if (retryCommitted != null && retryCommitted.offset() >= retryEnd) {
            parked.load(notifications.partition.partition(), Map.of());
            return;
        }
        Set<TopicPartition> pair = retryAssigned ? Set.of(notifications.partition, retry) : Set.of(notifications.partition);
        PendingScan pending = new PendingScan(notifications, pair, retry, retryCommitted);
        consumer.pause(pending.pair);
        held.addAll(pending.pair);
        scans.put(notifications.partition.partition(), pending);
        submit(pending);
    }

    /** Whether {@code tp} is held until its pair's count is loaded. */
    boolean holds(TopicPartition tp) {
        return held.contains(tp);
    }

    /** The partition leaves this instance: it is no longer held, and its pair's count (if this one's) is abandoned. */
    void release(PartitionWork work) {
        held.remove(work.partition);
        PendingScan pending = scans.get(work.partition.partition());
        if (pending != null && pending.notifications == work) {
            pending.abandon();
            scans.remove(work.partition.partition());
        }
    }

    private void submit(PendingScan pending) {
        scan.count(pending.retry, pending.retryCommitted, SCAN_TIMEOUT, pending::isAbandoned,
                counts -> tasks.execute(() -> scanned(pending, counts)),
                error -> tasks.execute(() -> scanFailed(pending, error)));
    }

    private void scanned(PendingScan pending, Map<String, Integer> counts) {
        int number = pending.notifications.partition.partition();
        if (scans.get(number) != pending) return; // revoked meanwhile, perhaps assigned again with a scan of its own
        scans.remove(number);
        parked.load(number, counts);
        List<TopicPartition> stillHeld = pending.pair.stream().filter(held::remove).toList();
        consumer.resume(stillHeld);
        letGo.run();
        LOG.info("Counted the keys waiting on {} ({}); delivering {}", pending.retry, counts.size(), stillHeld);
    }

    /**
     * The pair stays held and its count is tried again shortly. Not a rebalance as when committed offsets cannot be
     * read: that would stop every pair of the group for as long as all their scans take, when only this one is unsafe.
     */
    private void scanFailed(PendingScan pending, RuntimeException e) {
        if (scans.get(pending.notifications.partition.partition()) != pending) return;
        LOG.warn("Could not count the keys waiting on {} ({}); {} stays paused, trying again in {}", pending.retry,
                e.toString(), pending.pair, SCAN_RETRY_AFTER);
        timers.at(clock.millis() + SCAN_RETRY_AFTER.toMillis(), () -> {
            if (scans.get(pending.notifications.partition.partition()) == pending) submit(pending);
        });
    }

    /** Every count under way is abandoned and the scan closed: the loop has ended. */
    @Override
    public void close() {
        scans.values().forEach(PendingScan::abandon);
        scan.close();
    }

    /** A pair waiting for its retry partition's count; {@code notifications} tells one assignment from the next. */
    private static final class PendingScan {
        final PartitionWork notifications;
        final Set<TopicPartition> pair;
        final TopicPartition retry;
        final OffsetAndMetadata retryCommitted;
        private volatile boolean abandoned;

        PendingScan(PartitionWork notifications, Set<TopicPartition> pair, TopicPartition retry,
                    OffsetAndMetadata retryCommitted) {
            this.notifications = notifications;
            this.pair = pair;
            this.retry = retry;
            this.retryCommitted = retryCommitted;
        }

        void abandon() {
            abandoned = true;
        }

        boolean isAbandoned() {
            return abandoned;
        }
    }
}
