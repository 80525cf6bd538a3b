package io.statusnotify.sink;

import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.testing.RecordingReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.statusnotify.sink.SinkHarness.SEQ_BASE;
import static io.statusnotify.testing.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SinkLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    // Each test makes the topics itself, or has the sink meet them missing or made otherwise.
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().withoutTopics();
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiver();

    private long received(int n) {
        return receiver.requestsTo("/hook").stream().filter(r -> r.body().contains(String.valueOf(SEQ_BASE + n))).count();
    }

    @Test
    void aNotificationOnTheTopicBeforeTheFirstStartIsDelivered() {
        sink.createTopics();
        sink.config("acme", receiver.url("/hook"));
        sink.notify("acme", 1);

        sink.startSink();

        await().atMost(WAIT).until(() -> received(1) == 1);
    }

    @Test
    void aRestartWithTheSameGroupDoesNotResendWhatWasDelivered() {
        sink.createTopics();
        sink.config("acme", receiver.url("/hook"));
        SinkApp first = sink.startSink();
        sink.notify("acme", 1);
        await().atMost(WAIT).until(() -> received(1) == 1);

        first.close();
        sink.notify("acme", 2);
        sink.startSink();

        // Same key, same partition: a resent 1 would arrive before 2.
        await().atMost(WAIT).until(() -> received(2) == 1);
        assertThat(received(1)).isEqualTo(1);
    }

    @Test
    void closeWhileATenantIsFailingReturnsPromptlyAndTheNextRunDeliversItsParkedNotification() throws Exception {
        sink.with("SNS_RETRY_DELAYS", "3s");
        sink.createTopics();
        sink.config("acme", receiver.url("/hook"));
        receiver.respondWith(503);
        SinkApp first = sink.startSink();
        sink.notify("acme", 1);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "acme", "cause", "5xx") == 1);

        long start = System.nanoTime();
        first.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(sink.kafka.readAll(sink.topics.notificationsRetry())).singleElement()
                .satisfies(parked -> assertThat(header(parked, "sns.retry.attempts")).isEqualTo("1"));
        receiver.respondWith(204);
        sink.startSink();
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 1);
        await().atMost(WAIT).until(() -> sink.committedOffsets() == 1);
        assertThat(received(1)).isEqualTo(2);
    }

    @Test
    void aRebalanceDuringABackoffHandsTheRecordOverWithoutLosingIt() {
        sink.with("SNS_RETRY_DELAYS", "300ms").with("SNS_RETRY_MAX_ATTEMPTS", "0");
        sink.createTopics();
        sink.config("acme", receiver.url("/hook"));
        receiver.respondWith(503);
        sink.startSink();
        sink.notify("acme", 1);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "acme", "cause", "5xx") >= 1);

        sink.startSink(); // joins the same group: the partitions are revoked during the first one's wait
        receiver.respondWith(204);

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 1);
        sink.notify("acme", 2);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 2);
        await().atMost(WAIT).until(() -> sink.committedOffsets() == 2);
        assertThat(sink.count(SinkMetrics.DELIVERED, "tenant", "acme")).isEqualTo(2);
    }

    @Test
    void refusesToStartWhenTheConfigTopicIsNotCompacted() {
        sink.kafka.createTopic(sink.topics.tenantConfig(), 1, Map.of("cleanup.policy", "delete"));

        assertThatThrownBy(() -> SinkApp.start(sink.settings(), sink.registry))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(sink.topics.tenantConfig())
                .hasMessageContaining("compact");
    }

    @Test
    void refusesToStartWhenTheRetryTopicHasAnotherPartitionCount() {
        sink.kafka.createTopic(sink.topics.notifications(), 2, Map.of());
        sink.kafka.createTopic(sink.topics.notificationsRetry(), 3, Map.of());

        assertThatThrownBy(() -> SinkApp.start(sink.settings(), sink.registry))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(sink.topics.notificationsRetry())
                .hasMessageContaining("as many partitions as '" + sink.topics.notifications() + "' (2) but has 3");
    }

    @Test
    void theRetryTopicIsCreatedWithTheNotificationsPartitionsAndARetentionAboveTheMaxAge() throws Exception {
        sink.kafka.createTopic(sink.topics.notifications(), 3, Map.of());

        sink.createTopics();

        var description = sink.kafka.admin().describeTopics(java.util.List.of(sink.topics.notificationsRetry()))
                .allTopicNames().get().get(sink.topics.notificationsRetry());
        assertThat(description.partitions()).hasSize(3);
        assertThat(io.statusnotify.topics.TopicProvisioner.retentionMs(sink.kafka.admin(), sink.topics.notificationsRetry()))
                .isGreaterThan(Duration.ofDays(7).toMillis());
    }

    @Test
    void aNewOwnerNeverLetsANewerNotificationOvertakeOneParkedBeforeTheRestart() throws Exception {
        sink.with("SNS_RETRY_DELAYS", "3s").with("SNS_CIRCUIT_FAILURES_TO_OPEN", "1").with("SNS_RETRY_MAX_ATTEMPTS", "0");
        sink.createTopics();
        sink.config("acme", receiver.url("/hook"));
        receiver.respondWith(503);
        SinkApp first = sink.startSink();
        sink.notify("acme", 1);
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() == 1);
        first.close();

        receiver.respondWith(204);
        sink.notify("acme", 2); // same user: must wait for 1, which the retry topic holds until its next try
        sink.startSink();

        await().atMost(WAIT).until(() -> received(1) == 2 && received(2) == 1);
        List<String> bodies = receiver.requestsTo("/hook").stream().map(RecordingReceiver.Received::body).toList();
        int lastOfOne = bodies.lastIndexOf(bodies.stream().filter(b -> b.contains(String.valueOf(SEQ_BASE + 1)))
                .reduce((a, b) -> b).orElseThrow());
        int two = bodies.indexOf(bodies.stream().filter(b -> b.contains(String.valueOf(SEQ_BASE + 2))).findFirst().orElseThrow());
        assertThat(two).as("2 arrives after 1 was delivered").isGreaterThan(lastOfOne);
    }
}
