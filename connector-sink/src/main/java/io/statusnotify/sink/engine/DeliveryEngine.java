package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.kafka.RetryScan;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.status.SinkMetrics;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink's consumer thread: polls the notifications and retry topics (the same partition numbers of both are
 * assigned together), hands records to the {@link Dispatcher} and runs HTTP and producer callbacks and timers; as the
 * group's rebalance listener it sets up and hands over partitions. Its parts: {@link PartitionSetup} (a pair's
 * offsets read, both halves together), the {@link AssignmentGate} (a pair held until its parked keys are counted),
 * {@link Backpressure} (pauses at the buffer caps) and the {@link OffsetCommitter}.
 * Every piece of delivery state lives on this one thread; other threads hand it work through {@link EngineTasks}.
 * Tests drive it without a thread: {@link #start()}, then {@link #pollOnce()}.
 */
final class DeliveryEngine implements Runnable, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final long IDLE_POLL_MILLIS = 100;
    private static final long BUSY_POLL_MILLIS = 2;
    private static final long STATUS_EVERY_MILLIS = 1_000;

    private final Consumer<String, byte[]> consumer;
    private final Dispatcher dispatcher;
    private final EngineTasks tasks;
    private final EngineSettings settings;
    private final TenantConfigView view;
    private final Timers timers;
    private final Clock clock;
    private final long sweepEveryMillis;
    private final Map<TopicPartition, PartitionWork> partitions = new HashMap<>();
    private final AssignmentGate gate;
    private final PartitionSetup setup;
    private final SinkMetrics metrics;
    private final Backpressure backpressure;
    private final OffsetCommitter committer;
    private volatile boolean running = true;
    private volatile boolean hasPartitions;

    /** Over {@code consumer} (the group's) and {@code scan}, which it closes when its loop ends. */
    DeliveryEngine(Consumer<String, byte[]> consumer, RetryScan scan, Dispatcher dispatcher, EngineTasks tasks,
                   EngineSettings settings, TenantConfigView view, Timers timers, ParkedKeys parked, Clock clock,
                   Housekeeping housekeeping, SinkMetrics metrics) {
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.settings = settings;
        this.view = view;
        this.timers = timers;
        this.clock = clock;
        this.sweepEveryMillis = housekeeping.sweepEvery().toMillis();
        this.metrics = metrics;
        this.gate = new AssignmentGate(consumer, scan, parked, tasks, timers, clock, this::updateReadiness);
        this.setup = new PartitionSetup(consumer, settings.topics(), gate, timers, clock, partitions::containsKey,
                work -> partitions.put(work.partition, work));
        this.backpressure = new Backpressure(consumer, settings.limits(), gate::holds);
        this.committer = new OffsetCommitter(consumer, clock, settings.commitInterval(), gate::holds);
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
        } catch (UnsupportedVersionException e) {
            LOG.error("Delivery stopped: the Kafka cluster refused a request as unsupported ({}). The sink's group uses"
                    + " the consumer group protocol (KIP-848), which needs brokers 4.0 or newer with the feature"
                    + " group.version=1 (kafka-features upgrade --feature group.version=1)", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Delivery stopped by an unexpected error", e);
        } finally {
            hasPartitions = false;
            consumer.close(Duration.ofSeconds(5));
            gate.close();
        }
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
        // Tasks left from the last turn (runAll runs one turn's worth) run right after a poll that does not wait.
        long ceiling = !tasks.isEmpty() ? 0 : dispatcher.inFlight() > 0 ? BUSY_POLL_MILLIS : IDLE_POLL_MILLIS;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(timers.millisUntilNext(now, ceiling)))) {
            PartitionWork work = partitions.get(new TopicPartition(record.topic(), record.partition()));
            if (work != null) dispatcher.accept(work, record);
        }
        tasks.runAll();
        timers.runDue(clock.millis());
        backpressure.apply(partitions.values(), dispatcher.bufferedMain(), dispatcher.unloadedRetries());
        committer.commitIfDue(partitions.values());
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

    /** SIGTERM: nothing new is sent; what is in flight gets up to the shutdown grace; then what is done is committed. */
    private void drain() {
        dispatcher.drain();
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        awaitIdle(partitions.values(), deadline);
        try {
            committer.commitNow(partitions.values());
        } catch (WakeupException e) {
            committer.commitNow(partitions.values()); // a wakeup left pending by stop() fails one call only
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

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) return;
        assigned.forEach(tp -> metrics.partitionAssigned(role(tp), tp.partition()));
        setup.assigned(assigned);
        updateReadiness();
        LOG.info("Assigned {}", assigned);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        countGivenUp(setup.forget(revoked));
        List<PartitionWork> works = revoked.stream().map(partitions::get).filter(w -> w != null).toList();
        if (works.isEmpty()) return;
        works.forEach(PartitionWork::close);
        // Long enough for a request started just now to finish or time out. A final receipt or dead letter still
        // unanswered then leaves its offset undone: the next owner sends it again.
        Duration grace = settings.requestTimeout().plusSeconds(1);
        awaitIdle(works, System.nanoTime() + grace.toNanos());
        committer.commitNow(works);
        release(works);
        LOG.info("Revoked {}", revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        countGivenUp(setup.forget(lost));
        release(lost.stream().map(partitions::get).filter(w -> w != null).toList());
        LOG.warn("Lost {} (their finished but uncommitted records will be delivered again)", lost);
    }

    private void release(List<PartitionWork> works) {
        dispatcher.revoke(works);
        countGivenUp(works.stream().map(w -> w.partition).toList());
        for (PartitionWork work : works) {
            partitions.remove(work.partition);
            gate.release(work);
        }
        updateReadiness();
    }

    /** Revoked, lost, or let go at the end of the loop: what this instance no longer owns. */
    private void countGivenUp(Collection<TopicPartition> gone) {
        gone.forEach(tp -> metrics.partitionRevoked(role(tp), tp.partition()));
    }

    private String role(TopicPartition tp) {
        return tp.topic().equals(settings.topics().notificationsRetry()) ? "retry" : "notifications";
    }

    /** Ready once a notifications partition can deliver: assigned, and its parked keys counted. */
    private void updateReadiness() {
        hasPartitions = partitions.values().stream().anyMatch(w -> !w.retryTopic && !gate.holds(w.partition));
    }

    boolean hasPartitions() {
        return hasPartitions;
    }

    /** Asks the loop to stop: no new records; in-flight work gets the shutdown grace. */
    void stop() {
        running = false;
    }
}
