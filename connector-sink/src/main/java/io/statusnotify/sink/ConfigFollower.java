package io.statusnotify.sink;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the whole config topic into a {@link TenantConfigView}, then follows it for as long as the sink runs.
 * No consumer group: every sink instance needs every tenant. The view counts as caught up once the end offsets
 * seen at start are reached, which is what delivery waits for.
 */
final class ConfigFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final TenantConfigView view;
    private final Runnable onFailure;
    private volatile boolean running = true;

    /** {@code onFailure} runs when following stops for any reason but {@link #stop()}: a stale view must not deliver. */
    ConfigFollower(Properties kafka, String topic, TenantConfigView view, Runnable onFailure) {
        Properties props = Readers.ungrouped(kafka, "statusnotify-sink-config");
        // Should compaction or retention ever remove what we were about to read, start over rather than skip ahead.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.view = view;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
            while (running) {
                pollOnce();
                if (!view.isCaughtUp() && reached(endAtStart)) {
                    view.markCaughtUp();
                    LOG.info("Tenant config view caught up with {} (end offsets {})", topic, endAtStart);
                }
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

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
