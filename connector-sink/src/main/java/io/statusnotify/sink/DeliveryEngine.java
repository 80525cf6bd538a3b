package io.statusnotify.sink;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The sink's consumer thread: polls the notifications and retry topics (the same partition numbers of both are
 * assigned together), hands records to the {@link Dispatcher}, runs HTTP and producer callbacks and timers, pauses
 * partitions at the buffer caps, and commits per partition the lowest unfinished offset with an offset map of
 * finished records above it. Every piece of delivery state lives on this one thread.
 */
final class DeliveryEngine implements Runnable, ConsumerRebalanceListener, Executor {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long BUSY_POLL_MILLIS = 2;
    private static final long STATUS_EVERY_MILLIS = 1_000;
    /** Counting a big retry backlog takes a while; below max.poll.interval.ms (5 min), which this runs within. */
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(4);

    private final KafkaConsumer<String, byte[]> consumer;
    private final RetryScan scan;
    private final SinkSettings settings;
    private final TenantConfigView view;
    private final Timers timers;
    private final ParkedKeys parked;
    private final Clock clock;
    private final long sweepEveryMillis;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, PartitionWork> partitions = new HashMap<>();
    private Dispatcher dispatcher;
    private volatile boolean running = true;
    private volatile boolean hasPartitions;
    private long lastCommitAt;

    DeliveryEngine(KafkaConsumer<String, byte[]> consumer, RetryScan scan, SinkSettings settings, TenantConfigView view,
                   Timers timers, ParkedKeys parked, Clock clock, Housekeeping housekeeping) {
        this.consumer = consumer;
        this.scan = scan;
        this.settings = settings;
        this.view = view;
        this.timers = timers;
        this.parked = parked;
        this.clock = clock;
        this.sweepEveryMillis = housekeeping.sweepEvery().toMillis();
    }

    void use(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Runs {@code task} on the engine thread (from HTTP, producer and config threads). */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public void run() {
        try {
            while (running && !view.awaitCaughtUp(Duration.ofMillis(100))) {
                // Delivering before the view is complete would drop notifications of tenants not read yet.
            }
            consumer.subscribe(List.of(settings.topics().notifications(), settings.topics().notificationsRetry()), this);
            scheduleSweep();
            scheduleStatus();
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
            scan.close();
        }
    }

    private void pollOnce() {
        long now = clock.millis();
        long ceiling = dispatcher.inFlight() > 0 || !tasks.isEmpty() ? BUSY_POLL_MILLIS : IDLE_POLL_MILLIS;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(timers.millisUntilNext(now, ceiling)))) {
            PartitionWork work = partitions.get(new TopicPartition(record.topic(), record.partition()));
            if (work != null) dispatcher.accept(work, record);
        }
        runTasks();
        timers.runDue(clock.millis());
        applyBackpressure();
        if (clock.millis() - lastCommitAt >= settings.commitInterval().toMillis()) commit(false, partitions.values());
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) task.run();
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
        if (!pause && (buffered >= cap * 3L / 4 || consumer.paused().isEmpty())) return;
        Set<TopicPartition> topicPartitions = new HashSet<>();
        partitions.values().stream().filter(w -> w.retryTopic == retryTopic).forEach(w -> topicPartitions.add(w.partition));
        if (pause) {
            consumer.pause(topicPartitions);
        } else {
            Set<TopicPartition> paused = new HashSet<>(consumer.paused());
            paused.retainAll(topicPartitions);
            if (!paused.isEmpty()) consumer.resume(paused);
        }
    }

    /** SIGTERM: nothing new is sent; what is in flight gets up to the shutdown grace; then what is done is committed. */
    private void drain() {
        if (dispatcher == null) return;
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
                Runnable task = tasks.poll(50, TimeUnit.MILLISECONDS);
                if (task != null) task.run();
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
            if (work.isRevoked()) continue;
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
        try {
            setUp(assigned);
        } catch (KafkaException e) {
            // Without its committed offsets and parked keys a partition cannot be delivered safely: hold it and ask
            // the group to hand it out again (a broker restart, say).
            LOG.warn("Could not set up {} ({}); pausing them and rejoining the group", assigned, e.toString());
            assigned.forEach(partitions::remove);
            consumer.pause(assigned);
            consumer.enforceRebalance("partition setup failed");
            return;
        }
        hasPartitions = partitions.keySet().stream().anyMatch(tp -> !tp.topic().equals(settings.topics().notificationsRetry()));
        LOG.info("Assigned {}", assigned);
    }

    private void setUp(Collection<TopicPartition> assigned) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(assigned), SETUP_TIMEOUT);
        String retryTopic = settings.topics().notificationsRetry();
        Map<Integer, Map<String, Integer>> parkedCounts = new HashMap<>();
        for (TopicPartition tp : assigned) {
            if (tp.topic().equals(retryTopic)) continue;
            TopicPartition retry = new TopicPartition(retryTopic, tp.partition());
            OffsetAndMetadata retryCommitted = assigned.contains(retry)
                    ? committed.get(retry) : consumer.committed(Set.of(retry), SETUP_TIMEOUT).get(retry);
            parkedCounts.put(tp.partition(), scan.waitingPerKey(retry, retryCommitted, SETUP_TIMEOUT));
            if (!assigned.contains(retry)) {
                LOG.warn("Assigned {} without {}: per-user order needs both on one instance (range assignor)", tp, retry);
            }
        }
        for (TopicPartition tp : assigned) {
            partitions.put(tp, new PartitionWork(tp, tp.topic().equals(retryTopic), committed.get(tp)));
        }
        parkedCounts.forEach(parked::load);
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
        works.forEach(w -> partitions.remove(w.partition));
        hasPartitions = partitions.keySet().stream().anyMatch(tp -> !tp.topic().equals(settings.topics().notificationsRetry()));
    }

    boolean hasPartitions() {
        return hasPartitions;
    }

    /** Asks the loop to stop: no new records; in-flight work gets the shutdown grace. */
    void stop() {
        running = false;
    }
}
