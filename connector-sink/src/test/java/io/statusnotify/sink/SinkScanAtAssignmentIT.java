package io.statusnotify.sink;

import io.statusnotify.sink.engine.Housekeeping;

import io.statusnotify.testing.RecordingReceiver;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;

import static io.statusnotify.sink.SinkHarness.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Counting the keys parked on a retry partition at assignment holds back only that partition pair: the others deliver
 * meanwhile, and the held pair's parked notifications still come before its newer ones.
 */
class SinkScanAtAssignmentIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    /** How long counting partition 0's backlog takes here: as slow as millions of records would make it. */
    private static final Duration SCAN_HOLD = Duration.ofSeconds(15);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_RETRY_MAX_ATTEMPTS", "0")
            .with("SNS_RETRY_DELAYS", "300ms,600ms");
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiverFor("acme");

    @Test
    void whileOnePartitionsParkedKeysAreCountedTheOtherPartitionsDeliverAndTheHeldOneKeepsPerKeyOrder() {
        String parkedUser = memberOnPartition(0);
        String otherUser = memberOnPartition(1);
        // given: notifications parked on retry partition 0 by a sink that stopped while the tenant was down
        receiver.stop();
        SinkApp first = sink.startSink();
        for (int n = 1; n <= 3; n++) sink.notify("acme", parkedUser, n);
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() >= 3);
        assertThat(sink.kafka.readAll(sink.topics.notificationsRetry())).allSatisfy(r -> assertThat(r.partition()).isZero());
        first.close();
        // and: newer notifications of that user and of a user on partition 1, once the tenant is back
        receiver.restart();
        for (int n = 4; n <= 5; n++) sink.notify("acme", parkedUser, n);
        for (int n = 1; n <= 2; n++) sink.notify("acme", otherUser, n);

        // when: a sink starts whose count of retry partition 0 is slow
        long startedAt = System.nanoTime();
        sink.startSink(Housekeeping.DEFAULTS.withScanHold(SCAN_HOLD));

        // then: partition 1 delivers while partition 0 is still being counted, and nothing of partition 0 goes out
        await().atMost(WAIT).until(() -> sequence(receiver, "/hook", otherUser).size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(SCAN_HOLD);
        assertThat(sequence(receiver, "/hook", parkedUser)).isEmpty();
        assertThat(sequence(receiver, "/hook", otherUser)).containsExactly(1L, 2L);

        // and: once counted, partition 0's parked notifications arrive before its newer ones
        await().atMost(WAIT).until(() -> sequence(receiver, "/hook", parkedUser).size() >= 5);
        assertThat(sequence(receiver, "/hook", parkedUser)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sink.kafka.readAll(sink.topics.notificationsDlq())).isEmpty();
    }

    /** A member id whose key the default partitioner puts on {@code partition} of the two. */
    private static String memberOnPartition(int partition) {
        return IntStream.range(0, 1_000).mapToObj(i -> "m" + i)
                .filter(member -> Utils.toPositive(Utils.murmur2(("acme/" + member).getBytes(StandardCharsets.UTF_8))) % 2
                        == partition)
                .findFirst().orElseThrow();
    }
}
