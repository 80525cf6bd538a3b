package io.statusnotify.sink;

import io.statusnotify.sink.offsets.OffsetMap;
import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.statusnotify.sink.SinkHarness.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What was delivered before a stop is not sent again, even above a record that never finished. */
class SinkRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_TOPIC_PARTITIONS", "1")
            .with("SNS_HTTP_RESPONSE_TIMEOUT", "25s").with("SNS_SINK_SHUTDOWN_GRACE", "0s");
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiverFor("acme");
    private final CountDownLatch release = new CountDownLatch(1);

    /** Runs before the extension closes the sinks: a held request must not hold up their close. */
    @AfterEach
    void releaseHeldRequests() {
        release.countDown();
    }

    @Test
    void aRestartResendsOnlyWhatHadNotFinishedThanksToTheOffsetMap() throws Exception {
        receiver.respondWith(r -> {
            if (r.body().contains("\"memberID\":\"stuck\"") && release.getCount() > 0) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Reply.status(204);
        });
        sink.notify("acme", "stuck", 1);
        for (int n = 2; n <= 6; n++) sink.notify("acme", "u" + n, n);
        SinkApp first = sink.startSink();
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 5);
        await().atMost(WAIT).until(() -> committed().metadata().startsWith(OffsetMap.PREFIX));

        first.close(); // the stuck request is abandoned after the (zero) shutdown grace
        release.countDown();

        OffsetAndMetadata commit = committed();
        assertThat(commit.offset()).isZero();
        assertThat(OffsetMap.decode(0, commit.metadata()).contains(5)).isTrue();
        sink.startSink();
        await().atMost(WAIT).until(() -> sequence(receiver, "/hook", "stuck").size() == 2);
        await().atMost(WAIT).until(() -> committed().offset() == 6);
        for (int n = 2; n <= 6; n++) assertThat(sequence(receiver, "/hook", "u" + n)).as("u" + n).containsExactly((long) n);
    }

    private OffsetAndMetadata committed() throws Exception {
        OffsetAndMetadata commit = sink.kafka.admin().listConsumerGroupOffsets(sink.groupId).partitionsToOffsetAndMetadata()
                .get().get(new TopicPartition(sink.topics.notifications(), 0));
        return commit == null ? new OffsetAndMetadata(0, "none yet") : commit;
    }

    @Test
    void aStopLetsTheRequestsInFlightFinishWithinTheGrace() throws Exception {
        sink.with("SNS_SINK_SHUTDOWN_GRACE", "10s");
        receiver.respondWith(r -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.status(204);
        });
        for (int n = 1; n <= 3; n++) sink.notify("acme", "u" + n, n);
        SinkApp first = sink.startSink();
        await().atMost(WAIT).until(() -> receiver.requestsTo("/hook").size() == 3);

        Thread stopper = new Thread(first::close);
        stopper.start();
        await().atMost(WAIT).until(first::isClosing);
        release.countDown();
        stopper.join(Duration.ofSeconds(30).toMillis());

        assertThat(stopper.isAlive()).isFalse();
        assertThat(sink.count(SinkMetrics.DELIVERED, "tenant", "acme")).isEqualTo(3);
        assertThat(committed().offset()).isEqualTo(3);
    }
}
