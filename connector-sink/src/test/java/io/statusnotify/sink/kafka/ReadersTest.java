package io.statusnotify.sink.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ReadersTest {
    private static Properties kafka(String... pairs) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        for (int i = 0; i < pairs.length; i += 2) props.put(pairs[i], pairs[i + 1]);
        return props;
    }

    @Test
    void givenGroupSettingsMeantForTheSinksGroup_whenAnUngroupedReaderIsMade_thenTheyAreLeftOut() {
        Properties props = Readers.ungrouped(kafka("group.id", "g", "group.protocol", "consumer",
                "group.remote.assignor", "range"), "reader");

        assertThat(props).doesNotContainKeys("group.id", "group.protocol", "group.remote.assignor");
        assertThat(props).containsEntry("isolation.level", "read_committed").containsEntry("client.id", "reader");
    }

    @Test
    void givenARemoteAssignorOrTheConsumerProtocolWithASessionTimeout_whenTheReadersStart_thenTheClientAcceptsThem() {
        // KAFKA_GROUP_REMOTE_ASSIGNOR alone, or KAFKA_GROUP_PROTOCOL=consumer beside KAFKA_SESSION_TIMEOUT_MS (which
        // the streams app uses), made kafka-clients refuse to build the sink's ungrouped readers.
        assertThatCode(() -> {
            try (Consumer<String, Void> scan = RetryScan.consumer(kafka("group.remote.assignor", "range"))) {
                assertThat(scan).isNotNull();
            }
            try (Consumer<String, byte[]> reader = ParkedReader.consumer(kafka("group.protocol", "consumer",
                    "session.timeout.ms", "6000"))) {
                assertThat(reader).isNotNull();
            }
        }).doesNotThrowAnyException();
    }
}
