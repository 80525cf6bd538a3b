package io.statusnotify.sink;

import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.testing.RecordingReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.statusnotify.schema.DeadLetterHeaders;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.statusnotify.sink.SinkHarness.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant that stays down with more parked notifications than the sink holds in memory never holds up another failing
 * tenant's recovery: the notifications that cannot be tried yet are remembered by offset and read again when their turn
 * comes.
 */
class SinkRetryBacklogIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    // One partition: both tenants' parked notifications share one retry-topic partition, the long-down tenant's first.
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_TOPIC_PARTITIONS", "1")
            .with("SNS_RETRY_MAX_ATTEMPTS", "0").with("SNS_RETRY_DELAYS", "300ms,600ms")
            .with("SNS_SINK_MAX_BUFFERED_RETRIES", "10");
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver longDown = harness.receiverFor("long-down");
    private final RecordingReceiver briefDown = harness.receiverFor("brief-down");

    @BeforeEach
    void bothTenantsDown() {
        longDown.stop();
        briefDown.stop();
    }

    @Test
    void aTenantDownForLongWithMoreParkedThanMemoryHoldsNeverDelaysAnotherTenantsRecovery() {
        // given: a tenant down with six times as many parked notifications as the sink keeps in memory, and behind
        // them on the retry topic those of a second tenant that is down too
        sink.startSink();
        for (int n = 1; n <= 60; n++) sink.notify("long-down", "u" + (n % 6), n);
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() >= 60);
        for (int n = 1; n <= 10; n++) sink.notify("brief-down", "b" + (n % 2), n);
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() >= 70);
        await().atMost(WAIT).until(() -> sink.gauge(SinkMetrics.BUFFERED, "topic", "retry-by-offset") > 0);
        // The cap, plus at most the heads read again to be tried: one probe per failing tenant.
        assertThat(sink.gauge(SinkMetrics.BUFFERED, "topic", "retry")).isLessThanOrEqualTo(10 + 2);

        // when: the second tenant comes back
        briefDown.restart();

        // then: it gets all of its notifications, in order, while the first is still down
        await().atMost(WAIT).until(() -> briefDown.requestsTo("/hook").size() >= 10);
        assertThat(sequence(briefDown, "/hook", "b0")).containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(sequence(briefDown, "/hook", "b1")).containsExactly(1L, 3L, 5L, 7L, 9L);

        // and when the first comes back, it gets all of its sixty, each user's in order
        longDown.restart();
        await().atMost(WAIT).until(() -> longDown.requestsTo("/hook").size() >= 60);
        for (int user = 0; user < 6; user++) {
            int u = user;
            assertThat(sequence(longDown, "/hook", "u" + u)).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 60).filter(n -> n % 6 == u).boxed().toList());
        }
        assertThat(sink.kafka.readAll(sink.topics.notificationsDlq())).isEmpty();
    }

    @Test
    void parkedNotificationsGoneFromTheRetryTopicAreDeadLetteredWithWhatIsKnownAndTheRestStillArrives() throws Exception {
        // given: six users' notifications parked, only ten of which the sink may hold whole, then the retry topic
        // loses its oldest records (as retention would)
        sink.startSink();
        for (int n = 1; n <= 30; n++) sink.notify("long-down", "u" + (n % 6), n);
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() >= 30);
        await().atMost(WAIT).until(() -> sink.gauge(SinkMetrics.BUFFERED, "topic", "retry-by-offset") > 0);
        TopicPartition retry = new TopicPartition(sink.topics.notificationsRetry(), 0);
        sink.kafka.admin().deleteRecords(Map.of(retry, RecordsToDelete.beforeOffset(30))).all().get();

        // when: the tenant comes back
        longDown.restart();

        // then: what was held whole is delivered, and each notification that is gone is in the DLQ, marked as such
        await().atMost(WAIT).until(() -> longDown.requestsTo("/hook").size()
                + sink.kafka.readAll(sink.topics.notificationsDlq()).size() == 30);
        List<ConsumerRecord<String, byte[]>> lost = sink.kafka.readAll(sink.topics.notificationsDlq());
        assertThat(lost).isNotEmpty().allSatisfy(record -> {
            assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo(DeadLetter.PARKED_RECORD_LOST);
            assertThat(header(record, DeadLetterHeaders.ORIGINAL_OMITTED)).contains("retry topic");
            assertThat(record.key()).startsWith("long-down/");
            assertThat(record.value()).isNull();
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
