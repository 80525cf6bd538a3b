package io.statusnotify.sink;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.testing.ExactCount;
import io.statusnotify.testing.RecordingReceiver;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Properties;

import static io.statusnotify.sink.SinkHarness.SEQ_BASE;
import static io.statusnotify.sink.SinkHarness.sequence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streams app writes {@code sns.notifications} in transactions; the sink reads it {@code read_committed}, so a
 * notification whose transaction was aborted (a crashed or fenced streams app) is never POSTed.
 */
class SinkReadCommittedIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension();
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiverFor("acme");

    @Test
    void givenAnAbortedTransactionThenACommittedOne_whenTheSinkReads_thenOnlyTheCommittedNotificationArrivesOnce()
            throws Exception {
        sink.startSink();
        Notification aborted = SinkHarness.seedNotification("acme", SEQ_BASE + 1);
        Notification committed = SinkHarness.seedNotification("acme", SEQ_BASE + 2);

        // given a transactional producer, as the streams app is, that writes a notification for acme and aborts,
        // then writes the same user's next one and commits
        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(aborted)).get(); // on the broker's log, before the abort marker
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(record(committed)).get();
            producer.commitTransaction();
        }

        // then the committed one arrives, once, and nothing else follows within the quiet period
        ExactCount.await("requests to acme", 1, WAIT, () -> receiver.requestsTo("/hook").size());
        assertThat(sequence(receiver, "/hook", "2727")).containsExactly(2L);
        // and the aborted one is on the topic: a read_uncommitted reader sees both
        assertThat(sink.kafka.readAll(sink.topics.notifications())).hasSize(1);
        assertThat(sink.kafka.readAllUncommitted(sink.topics.notifications())).hasSize(2);
    }

    private ProducerRecord<String, byte[]> record(Notification notification) {
        return new ProducerRecord<>(sink.topics.notifications(),
                NotificationKey.of(notification.userStatusNotification().user()), Json.write(notification));
    }

    private KafkaProducer<String, byte[]> transactionalProducer() {
        Properties props = sink.kafka.producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, sink.groupId + "-writer");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
