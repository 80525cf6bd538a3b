package io.statusnotify.sink;

import io.statusnotify.sink.http.DestinationRefusedException;
import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.testing.RecordingReceiver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static io.statusnotify.testing.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A destination the policy refuses is dead-lettered at once, with the policy's words, and never connected to. */
class SinkDestinationPolicyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_DESTINATION_DENY", "127.0.0.0/8");
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiver();

    @Test
    void aRefusedDestinationIsDeadLetteredOnTheFirstAttemptNamingTheRange() {
        sink.config("acme", receiver.url("/hook"));
        sink.startSink();

        sink.notify("acme", 1);

        ConsumerRecord<String, byte[]> dead = sink.kafka.awaitRecords(sink.topics.notificationsDlq(), 1, WAIT).get(0);
        assertThat(header(dead, "sns.error.message")).contains("destination-refused: 127.0.0.1 is in denied range 127.0.0.0/8");
        assertThat(header(dead, "sns.attempts")).isEqualTo("1");
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "cause", DestinationRefusedException.CAUSE) >= 1);
        assertThat(receiver.requests()).isEmpty();
    }
}
