package io.statusnotify.sink;

import io.statusnotify.schema.DeadLetterHeaders;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ExtendWith(SharedKafka.class)
class SinkEdgeCasesIT {
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension();
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiverFor("acme");

    @Test
    void aRecordTooLargeForTheDeadLetterTopicIsSetAsideWithoutBlockingItsPartition() throws Exception {
        // given a malformed notification that fits on the topic, but not once the DLQ headers are added
        byte[] big = new byte[1_048_400];
        Arrays.fill(big, (byte) 'x');
        Properties props = sink.kafka.producerProps();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(sink.topics.notifications(), "acme/2727", big)).get();
        }
        // and a good one behind it for the same user
        sink.notify("acme", 2);

        // when the sink runs
        sink.startSink();

        // then the good one is delivered and the big one is dead-lettered without its bytes, saying where it is
        await().atMost(Duration.ofSeconds(40)).until(() -> receiver.requestsTo("/hook").size() == 1);
        var letters = sink.kafka.awaitRecords(sink.topics.notificationsDlq(), 1, Duration.ofSeconds(30));
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isNull();
            assertThat(TestKafka.header(letter, DeadLetterHeaders.ORIGINAL_OMITTED)).isNotBlank();
            assertThat(TestKafka.header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(TestKafka.header(letter, DeadLetterHeaders.REASON)).isEqualTo("malformed");
        });
    }

    @Test
    void refusesAConfigTopicThatAlsoDeletesOldRecords(TestKafka kafka) {
        // given a config topic that compacts but also deletes records older than retention.ms
        SinkHarness other = new SinkHarness(kafka);
        kafka.createTopic(other.topics.tenantConfig(), 1, Map.of("cleanup.policy", "compact,delete", "retention.ms", "60000"));

        // when / then the sink refuses it, saying how to fix it
        assertThatThrownBy(other::createTopics).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cleanup.policy=compact,delete").hasMessageContaining("--add-config cleanup.policy=compact");
    }
}
