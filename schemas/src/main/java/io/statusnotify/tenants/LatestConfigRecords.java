package io.statusnotify.tenants;

import io.statusnotify.topics.TopicToEndReader;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads a (small, compacted) config topic to its end and tells the latest value of each key. */
public final class LatestConfigRecords {
    private LatestConfigRecords() {
    }

    /**
     * Every key's latest value, by key; keys whose latest record is a tombstone (or that have no key) are left out.
     * {@code consumer}: without a group, read_committed; its failures as {@link TopicToEndReader} has them.
     */
    public static Map<String, byte[]> read(Consumer<String, byte[]> consumer, String topic, Duration timeout) {
        Map<String, byte[]> latest = new TreeMap<>();
        TopicToEndReader.read(consumer, topic, null, timeout, record -> {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        });
        return Collections.unmodifiableMap(latest);
    }

    /** The same, with a consumer of its own made from {@code clientConfig} (bootstrap servers, security settings). */
    public static Map<String, byte[]> read(Map<String, ?> clientConfig, String topic, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerConfig(clientConfig),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return read(consumer, topic, timeout);
        }
    }

    /** A reader outside any group that sees committed records only: an aborted change never happened. */
    static Map<String, Object> readerConfig(Map<String, ?> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
