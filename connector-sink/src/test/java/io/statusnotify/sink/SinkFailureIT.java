package io.statusnotify.sink;

import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;
import io.statusnotify.testing.RecordingReceiver.Reply;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.statusnotify.sink.SinkHarness.SEQ_BASE;
import static io.statusnotify.testing.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SinkFailureIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension();
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiverFor("acme");

    @Test
    void deliversOnceTheReceiverComesBack() {
        sink.with("SNS_RETRY_MAX_ATTEMPTS", "0");
        receiver.stop();
        sink.startSink();
        sink.notify("acme", 1);

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "acme", "cause", "connect") >= 2);
        receiver.restart();

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 1);
        assertThat(receiver.requestsTo("/hook")).hasSize(1);
        assertThat(sink.count(SinkMetrics.ATTEMPTS, "tenant", "acme")).isGreaterThanOrEqualTo(3);
        assertThat(sink.count(SinkMetrics.DEAD_LETTERED, "reason", DeadLetter.RETRIES_EXHAUSTED)).isZero();
    }

    @Test
    void aBadRequestIsDeadLetteredWithHeadersAndTheNextIsStillDelivered() throws Exception {
        receiver.respondWith(r -> r.body().contains(String.valueOf(SEQ_BASE + 1)) ? Reply.status(400) : Reply.status(204));
        Notification rejected = sink.notify("acme", 1);
        sink.notify("acme", 2);
        long before = System.currentTimeMillis();

        sink.startSink();

        ConsumerRecord<String, byte[]> dead = sink.kafka.awaitRecords(sink.topics.notificationsDlq(), 1, WAIT).get(0);
        assertThat(dead.key()).isEqualTo("acme/2727");
        assertThat(dead.value()).isEqualTo(Json.write(rejected));
        assertThat(header(dead, "sns.tenant")).isEqualTo("acme");
        assertThat(header(dead, "sns.error.reason")).isEqualTo("http-status");
        assertThat(header(dead, "sns.error.status")).isEqualTo("400");
        assertThat(header(dead, "sns.error.message")).contains("400");
        assertThat(header(dead, "sns.attempts")).isEqualTo("1");
        assertThat(Long.parseLong(header(dead, "sns.first.attempt.at"))).isGreaterThanOrEqualTo(before);
        assertThat(Long.parseLong(header(dead, "sns.last.attempt.at")))
                .isGreaterThanOrEqualTo(Long.parseLong(header(dead, "sns.first.attempt.at")));
        assertThat(header(dead, "sns.source.topic")).isEqualTo(sink.topics.notifications());
        assertThat(header(dead, "sns.source.partition")).isNotNull();
        assertThat(header(dead, "sns.source.offset")).isEqualTo("0");
        await().atMost(WAIT).until(() -> receiver.requestsTo("/hook").size() == 2);
        assertThat(receiver.requestsTo("/hook").get(1).body()).contains(String.valueOf(SEQ_BASE + 2));
        await().atMost(WAIT).until(() -> sink.committedOffsets() == 2);
    }

    @Test
    void serverErrorsOnEveryAttemptEndInRetriesExhaustedWithIdenticalBodies() {
        receiver.respondWith(500);
        sink.notify("acme", 1);

        sink.startSink();

        ConsumerRecord<String, byte[]> dead = sink.kafka.awaitRecords(sink.topics.notificationsDlq(), 1, WAIT).get(0);
        assertThat(header(dead, "sns.error.reason")).isEqualTo("retries-exhausted");
        assertThat(header(dead, "sns.error.status")).isEqualTo("500");
        assertThat(header(dead, "sns.attempts")).isEqualTo("3");
        List<String> bodies = receiver.requestsTo("/hook").stream().map(Received::body).toList();
        assertThat(bodies).hasSize(3).containsOnly(bodies.get(0));
        assertThat(sink.count(SinkMetrics.FAILURES, "tenant", "acme", "cause", "5xx")).isEqualTo(3);
        assertThat(sink.count(SinkMetrics.DEAD_LETTERED, "reason", "retries-exhausted")).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        receiver.respondWith(r -> receiver.requests().size() == 1
                ? new Reply(429, Map.of("Retry-After", "1")) : Reply.status(204));
        sink.notify("acme", 1);

        sink.startSink();

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 1);
        List<Received> requests = receiver.requestsTo("/hook");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).receivedAtMillis() - requests.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(950);
    }

    @Test
    void aValueThatIsNotANotificationIsDeadLetteredAsMalformed() {
        sink.kafka.send(sink.topics.notifications(), "acme/1", "this is not json");
        sink.notify("acme", 2);

        sink.startSink();

        ConsumerRecord<String, byte[]> dead = sink.kafka.awaitRecords(sink.topics.notificationsDlq(), 1, WAIT).get(0);
        assertThat(new String(dead.value())).isEqualTo("this is not json");
        assertThat(header(dead, "sns.error.reason")).isEqualTo("malformed");
        assertThat(header(dead, "sns.tenant")).isEqualTo("acme");
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 1);
    }
}
