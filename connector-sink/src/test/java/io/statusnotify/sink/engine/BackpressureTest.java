package io.statusnotify.sink.engine;


import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.SinkSettings;

import io.statusnotify.settings.Settings;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause and resume at the caps over a MockConsumer with two pairs assigned: 8 buffered records, 4 parked by offset. */
class BackpressureTest {
    private static final TopicPartition N0 = new TopicPartition("sns.notifications", 0);
    private static final TopicPartition N1 = new TopicPartition("sns.notifications", 1);
    private static final TopicPartition R0 = new TopicPartition("sns.notifications.retry", 0);
    private static final TopicPartition R1 = new TopicPartition("sns.notifications.retry", 1);
    private static final LimitSettings LIMITS = SinkSettings.from(Settings.of(Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "no-broker:9092",
            "SNS_ALLOW_CLEARTEXT_PASSWORDS", "true",
            "SNS_SINK_MAX_BUFFERED_RECORDS", "8",
            "SNS_SINK_MAX_PARKED_BY_OFFSET", "4"))).limits();

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final Set<TopicPartition> heldForScan = new HashSet<>();
    private final Backpressure backpressure = new Backpressure(consumer, LIMITS, heldForScan::contains);
    private final List<PartitionWork> works = List.of(work(N0, false), work(N1, false), work(R0, true), work(R1, true));

    BackpressureTest() {
        consumer.assign(List.of(N0, N1, R0, R1));
    }

    private static PartitionWork work(TopicPartition tp, boolean retryTopic) {
        return new PartitionWork(tp, retryTopic, null);
    }

    @Test
    void givenBufferedRecordsBelowTheCap_whenApplied_thenNothingIsPaused() {
        backpressure.apply(works, 7, 3);

        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void givenBufferedRecordsAtTheCap_whenApplied_thenEveryNotificationsPartitionPausesAndTheRetryTopicReadsOn() {
        backpressure.apply(works, 8, 0);

        assertThat(consumer.paused()).containsExactlyInAnyOrder(N0, N1);
    }

    @Test
    void givenPausedAtTheBufferCap_whenDownToThreeQuarters_thenItStaysPausedAndBelowThatItResumes() {
        backpressure.apply(works, 8, 0);

        backpressure.apply(works, 6, 0);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(N0, N1);

        backpressure.apply(works, 5, 0);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void givenParkedByOffsetAtItsCap_whenApplied_thenTheRetryPartitionsPauseUntilBelowThreeQuarters() {
        backpressure.apply(works, 0, 4);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(R0, R1);

        backpressure.apply(works, 0, 3);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(R0, R1);

        backpressure.apply(works, 0, 2);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void givenAPairHeldForItsScan_whenBothBuffersDrain_thenTheOthersResumeAndTheHeldPairStaysPaused() {
        consumer.pause(List.of(N1, R1));
        heldForScan.addAll(List.of(N1, R1));
        backpressure.apply(works, 8, 4);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(N0, N1, R0, R1);

        backpressure.apply(works, 0, 0);

        assertThat(consumer.paused()).containsExactlyInAnyOrder(N1, R1);
    }
}
