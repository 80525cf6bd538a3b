package io.statusnotify.sink;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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

/**
 * The sink's consumer thread: polls the notifications and retry topics (the same partition numbers of both are
 * assigned together), hands records to the {@link Dispatcher}, runs HTTP and producer callbacks and timers, pauses
 * partitions at the buffer caps, and commits per partition the lowest unfinished offset with an offset map of
 * finished records above it. Every piece of delivery state lives on this one thread; other threads hand it work
 * through {@link EngineTasks}. Tests drive it without a thread: {@link #start()}, then {@link #pollOnce()}.
 */
final class DeliveryEngine implements Runnable, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long BUSY_POLL_MILLIS = 2;
    private static final long STATUS_EVERY_MILLIS = 1_000;
    /** Reading offsets at assignment runs within poll: below max.poll.interval.ms (5 min). */
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(4);
    /** Counting a big retry backlog takes a while (on its own thread, so polling goes on meanwhile). */
    private static final Duration SCAN_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SCAN_RETRY_AFTER = Duration.ofSeconds(5);

    private final Consumer<String, byte[]> consumer;
    private final RetryScan scan;
    private final Dispatcher dispatcher;
    private final EngineTasks tasks;
    private final SinkSettings settings;
    private final TenantConfigView view;
    private final Timers timers;
    private final ParkedKeys parked;
    private final Clock clock;
    private final long sweepEveryMillis;
    private final Map<TopicPartition, PartitionWork> partitions = new HashMap<>();
    /** Pairs whose retry partition is being counted, by partition number: paused until their counts are loaded. */
    private final Map<Integer, PendingScan> scans = new HashMap<>();
    /** The partitions of those pairs: backpressure must never resume them, nor commit anything for them. */
    private final Set<TopicPartition> heldForScan = new HashSet<>();
    private volatile boolean running = true;
    private volatile boolean hasPartitions;
    private long lastCommitAt;

    /** Over {@code consumer} (the group's) and {@code scan}, which it closes when its loop ends. */
    DeliveryEngine(Consumer<String, byte[]> consumer, RetryScan scan, Dispatcher dispatcher, EngineTasks tasks,
                   SinkSettings settings, TenantConfigView view, Timers timers, ParkedKeys parked, Clock clock,
                   Housekeeping housekeeping) {
        this.consumer = consumer;
        this.scan = scan;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.settings = settings;
        this.view = view;
        this.timers = timers;
        this.parked = parked;
        this.clock = clock;
        this.sweepEveryMillis = housekeeping.sweepEvery().toMillis();
    }

    @Override
    public void run() {
        try {
            while (running && !view.awaitCaughtUp(Duration.ofMillis(100))) {
                // Delivering before the view is complete would drop notifications of tenants not read yet.
            }
            start();
            while (running) {
                pollOnce();
            }
            drain();
        } catch (WakeupException e) {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Delivery stopped by an unexpected error", e);
        } finally {
            hasPartitions = false;
            consumer.close(Duration.ofSeconds(5));
            stopScans();
        }
    }

    private void stopScans() {
        scans.values().forEach(PendingScan::abandon);
        scan.close();
    }

    /** Joins the group and sets the engine's own timers: what {@link #run()} does once the config view is complete. */
    void start() {
        consumer.subscribe(List.of(settings.topics().notifications(), settings.topics().notificationsRetry()), this);
        scheduleSweep();
        scheduleStatus();
    }

    /** One turn of the loop: poll, hand records over, run callbacks and due timers, backpressure, maybe commit. */
    void pollOnce() {
        long now = clock.millis();
        long ceiling = dispatcher.inFlight() > 0 || !tasks.isEmpty() ? BUSY_POLL_MILLIS : IDLE_POLL_MILLIS;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(timers.millisUntilNext(now, ceiling)))) {
            PartitionWork work = partitions.get(new TopicPartition(record.topic(), record.partition()));
            if (work != null) dispatcher.accept(work, record);
        }
        tasks.runAll();
        timers.runDue(clock.millis());
        applyBackpressure();
        if (clock.millis() - lastCommitAt >= settings.commitInterval().toMillis()) commit(false, partitions.values());
    }

    private void scheduleSweep() {
        timers.at(clock.millis() + sweepEveryMillis, () -> {
            dispatcher.sweep();
            scheduleSweep();
        });
    }

    private void scheduleStatus() {
        timers.at(clock.millis() + STATUS_EVERY_MILLIS, () -> {
            dispatcher.publishStatus();
            scheduleStatus();
        });
    }

    /** At a cap, the topic's partitions are paused until the buffer is down to three quarters of it. */
    private void applyBackpressure() {
        SinkSettings.Limits limits = settings.limits();
        pauseOrResume(false, dispatcher.bufferedMain(), limits.maxBufferedRecords());
        // Past SNS_SINK_MAX_BUFFERED_RETRIES parked notifications are kept by offset only: reading the retry topic goes
        // on (another tenant's recovery never waits behind a long backlog) until those references reach their own cap.
        pauseOrResume(true, dispatcher.unloadedRetries(), limits.maxParkedByOffset());
    }

    private void pauseOrResume(boolean retryTopic, int buffered, int cap) {
        boolean pause = buffered >= cap;
        // Runs every loop: the partition sets are only built when there is something to change.
        if (!pause && (buffered >= cap * 3L / 4 || heldForScan.containsAll(consumer.paused()))) return;
        Set<TopicPartition> topicPartitions = new HashSet<>();
        partitions.values().stream().filter(w -> w.retryTopic == retryTopic).forEach(w -> topicPartitions.add(w.partition));
        if (pause) {
            consumer.pause(topicPartitions);
        } else {
            Set<TopicPartition> paused = new HashSet<>(consumer.paused());
            paused.retainAll(topicPartitions);
            paused.removeAll(heldForScan);
            if (!paused.isEmpty()) consumer.resume(paused);
        }
    }

    /** SIGTERM: nothing new is sent; what is in flight gets up to the shutdown grace; then what is done is committed. */
    private void drain() {
        dispatcher.drain();
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        awaitIdle(partitions.values(), deadline);
        try {
            commit(true, partitions.values());
        } catch (WakeupException e) {
            commit(true, partitions.values()); // a wakeup left pending by stop() fails one call only
        }
        // Committed and done: closing the consumer must not wait for the abandoned requests again.
        release(List.copyOf(partitions.values()));
    }

    /** Runs callbacks until the partitions have nothing in flight, or until the deadline. */
    private void awaitIdle(Collection<PartitionWork> works, long deadlineNanos) {
        try {
            while (works.stream().anyMatch(PartitionWork::isBusy) && System.nanoTime() < deadlineNanos) {
                tasks.runNext(50);
                timers.runDue(clock.millis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long busy = works.stream().filter(PartitionWork::isBusy).count();
        if (busy > 0) LOG.warn("{} partition(s) still had requests in flight; their records will be delivered again", busy);
    }

    private void commit(boolean sync, Collection<PartitionWork> works) {
        lastCommitAt = clock.millis();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, PartitionWork> byPartition = new HashMap<>();
        for (PartitionWork work : works) {
            // A held pair has nothing outstanding and its commit read at assignment stays as it is.
            if (work.isRevoked() || heldForScan.contains(work.partition)) continue;
            OffsetAndMetadata commit = work.toCommit(consumer.position(work.partition));
            if (commit != null) {
                offsets.put(work.partition, commit);
                byPartition.put(work.partition, work);
            }
        }
        if (offsets.isEmpty()) return;
        try {
            if (sync) {
                consumer.commitSync(offsets);
                offsets.forEach((tp, commit) -> byPartition.get(tp).committed(commit));
            } else {
                consumer.commitAsync(offsets, (committed, error) -> {
                    if (error == null) {
                        committed.forEach((tp, commit) -> byPartition.get(tp).committed(commit));
                    } else {
                        LOG.warn("Commit failed ({}); the next one will cover it", error.toString());
                    }
                });
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Commit of {} failed ({}); those records may be delivered again", offsets.keySet(), e.toString());
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) return;
        String retryTopic = settings.topics().notificationsRetry();
        Set<TopicPartition> retries = new HashSet<>();
        assigned.stream().filter(tp -> !tp.topic().equals(retryTopic))
                .forEach(tp -> retries.add(new TopicPartition(retryTopic, tp.partition())));
        Map<TopicPartition, OffsetAndMetadata> committed;
        Map<TopicPartition, Long> retryEnds;
        try {
            Set<TopicPartition> wanted = new HashSet<>(assigned);
            wanted.addAll(retries);
            committed = consumer.committed(wanted, SETUP_TIMEOUT);
            retryEnds = consumer.endOffsets(retries, SETUP_TIMEOUT);
        } catch (KafkaException e) {
            // Without its committed offsets a partition cannot be delivered safely: hold it and ask the group to hand
            // it out again (a broker restart, say).
            LOG.warn("Could not set up {} ({}); pausing them and rejoining the group", assigned, e.toString());
            assigned.forEach(partitions::remove);
            consumer.pause(assigned);
            consumer.enforceRebalance("partition setup failed");
            return;
        }
        for (TopicPartition tp : assigned) {
            partitions.put(tp, new PartitionWork(tp, tp.topic().equals(retryTopic), committed.get(tp)));
        }
        for (TopicPartition tp : assigned) {
            if (tp.topic().equals(retryTopic)) continue;
            TopicPartition retry = new TopicPartition(retryTopic, tp.partition());
            if (!assigned.contains(retry)) {
                LOG.warn("Assigned {} without {}: per-user order needs both on one instance (range assignor)", tp, retry);
            }
            OffsetAndMetadata retryCommitted = committed.get(retry);
            if (retryCommitted != null && retryCommitted.offset() >= retryEnds.getOrDefault(retry, Long.MAX_VALUE)) {
                // Nothing waits on the retry partition (the usual case): no scan to queue behind another pair's.
                parked.load(tp.partition(), Map.of());
                continue;
            }
            Set<TopicPartition> pair = assigned.contains(retry) ? Set.of(tp, retry) : Set.of(tp);
            startScan(new PendingScan(partitions.get(tp), pair, retry, retryCommitted));
        }
        updateReadiness();
        LOG.info("Assigned {}", assigned);
    }

    /**
     * Until its parked keys are counted, nothing of the pair may reach the dispatcher (a newer notification must not
     * overtake one parked by an earlier owner): it stays paused while the other pairs deliver.
     */
    private void startScan(PendingScan pending) {
        int number = pending.notifications.partition.partition();
        consumer.pause(pending.pair);
        heldForScan.addAll(pending.pair);
        scans.put(number, pending);
        submit(pending);
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
        List<TopicPartition> stillHeld = pending.pair.stream().filter(heldForScan::remove).toList();
        consumer.resume(stillHeld);
        updateReadiness();
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

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        List<PartitionWork> works = revoked.stream().map(partitions::get).filter(w -> w != null).toList();
        if (works.isEmpty()) return;
        works.forEach(PartitionWork::close);
        // Long enough for a request started just now to finish or time out.
        Duration grace = settings.http().connectTimeout().plus(settings.http().responseTimeout()).plusSeconds(1);
        awaitIdle(works, System.nanoTime() + grace.toNanos());
        commit(true, works);
        release(works);
        LOG.info("Revoked {}", revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        release(lost.stream().map(partitions::get).filter(w -> w != null).toList());
        LOG.warn("Lost {} (their finished but uncommitted records will be delivered again)", lost);
    }

    private void release(List<PartitionWork> works) {
        dispatcher.revoke(works);
        for (PartitionWork work : works) {
            partitions.remove(work.partition);
            heldForScan.remove(work.partition);
            PendingScan pending = scans.get(work.partition.partition());
            if (pending != null && pending.notifications == work) {
                pending.abandon();
                scans.remove(work.partition.partition());
            }
        }
        updateReadiness();
    }

    /** Ready once a notifications partition can deliver: assigned, and its parked keys counted. */
    private void updateReadiness() {
        hasPartitions = partitions.values().stream().anyMatch(w -> !w.retryTopic && !heldForScan.contains(w.partition));
    }

    boolean hasPartitions() {
        return hasPartitions;
    }

    /** Asks the loop to stop: no new records; in-flight work gets the shutdown grace. */
    void stop() {
        running = false;
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
