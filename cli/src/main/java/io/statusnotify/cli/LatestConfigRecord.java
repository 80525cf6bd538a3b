package io.statusnotify.cli;

import io.statusnotify.tenants.LatestConfigRecords;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Reads a (small, compacted) config topic to its end and tells the latest value of each key. */
final class LatestConfigRecord {
    private LatestConfigRecord() {
    }

    /** The latest value of {@code key}; null when the key has no record or its latest record is a tombstone. */
    static byte[] valueOf(String bootstrapServers, String topic, String key, Duration timeout) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        return latestValues(new KafkaClients(props, timeout), topic).get(key);
    }

    /** Every key's latest value, by key; keys whose latest record is a tombstone (or that have no key) are left out. */
    static Map<String, byte[]> latestValues(KafkaClients clients, String topic) {
        return TopicToEnd.withConsumer(clients, topic, consumer -> LatestConfigRecords.read(consumer, topic, clients.timeout()));
    }
}
