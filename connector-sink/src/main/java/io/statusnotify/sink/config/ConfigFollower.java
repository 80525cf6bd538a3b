package io.statusnotify.sink.config;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads the whole config topic into a {@link TenantConfigView}, then follows it for as long as the sink runs.
 * No consumer group: every sink instance needs every tenant. The view counts as caught up once the end offsets
 * seen at start are reached, which is what delivery waits for. Later, it runs the {@link ReadBarrier}'s rounds: the
 * end offsets taken when a round starts, reached, complete it.
 */
public final class ConfigFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * A round not finished in this long (the broker away, say) leaves the view's freshness unknown: following counts
     * as failed and delivery stops, so a waiting notification is read again by the next owner rather than dropped.
     */
    static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(60);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final TenantConfigView view;
    private final ReadBarrier barrier;
    private final Clock clock;
    private final Runnable onFailure;
    private volatile boolean running = true;
    private List<TopicPartition> partitions;
    private Map<TopicPartition, Long> endAtStart;
    private Map<TopicPartition, Long> roundEnd;

    /**
     * {@code consumer}: ungrouped, reading from the earliest offset, committed records only; closed when following
     * ends. {@code onFailure} runs when following stops for any reason but {@link #stop()}: a stale view must not deliver.
     */
    public ConfigFollower(Consumer<String, byte[]> consumer, String topic, TenantConfigView view, ReadBarrier barrier,
                   Clock clock, Runnable onFailure) {
        this.consumer = consumer;
        this.topic = topic;
        this.view = view;
        this.barrier = barrier;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        try {
            begin();
            while (running) {
                followOnce();
            }
        } catch (WakeupException e) {
            // stop() asked us to end.
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("Following the tenant config topic {} failed; stopping delivery", topic, e);
                onFailure.run();
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Assigns every partition of the topic, from the beginning, and notes where its end is now. */
    public void begin() {
        partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        endAtStart = consumer.endOffsets(partitions);
    }

    /** One poll's records applied, with the barrier's round started before it and finished when reached. */
    public void followOnce() {
        if (barrier.startRound(clock.millis())) roundEnd = consumer.endOffsets(partitions, BARRIER_TIMEOUT);
        finishRound(); // usually the view has all there is already: no poll to wait for
        pollOnce();
        if (!view.isCaughtUp() && reached(endAtStart)) {
            view.markCaughtUp();
            LOG.info("Tenant config view caught up with {} (end offsets {})", topic, endAtStart);
        }
        finishRound();
    }

    private void finishRound() {
        if (barrier.waiting() == 0) return;
        long now = clock.millis();
        if (reached(roundEnd)) {
            LOG.debug("Read barrier on {}: the view reached {} after {} ms; {} waiting lane(s) decide now", topic, roundEnd,
                    barrier.runningFor(now), barrier.waiting());
            barrier.complete();
        } else if (barrier.runningFor(now) > BARRIER_TIMEOUT.toMillis()) {
            throw new IllegalStateException("the tenant config view did not reach the end offsets " + roundEnd
                    + " within " + BARRIER_TIMEOUT + "; notifications waiting for it are left to the next owner");
        }
    }

    /** A topic created a moment ago may not be in the metadata yet: an empty answer would mean "caught up". */
    private List<TopicPartition> partitions() {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(60));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            LOG.info("Tenant config topic {} has no partitions in the metadata yet; asking again", topic);
            pause();
        }
        throw new WakeupException();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                view.apply(record.key(), record.value());
            }
        } catch (WakeupException e) {
            throw e;
        } catch (org.apache.kafka.common.errors.RetriableException e) {
            LOG.warn("Reading tenant config topic {} failed, retrying: {}", topic, e.toString());
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
