package io.statusnotify.sink.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.Properties;

/** Client configs for a consumer that reads a topic directly, outside the sink's group, committed records only. */
public final class Readers {
    private Readers() {
    }

    public static Properties ungrouped(Properties kafka, String defaultClientId) {
        Properties props = new Properties();
        props.putAll(kafka);
        // Group settings mean nothing to a reader outside any group, and some make the client refuse to start (a
        // remote assignor under the classic protocol; session or heartbeat settings under the consumer protocol).
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        props.remove(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, defaultClientId);
        return props;
    }
}
