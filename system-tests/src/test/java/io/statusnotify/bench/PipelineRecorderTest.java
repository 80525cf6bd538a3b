package io.statusnotify.bench;

import io.statusnotify.streams.SequenceNumbers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's recorder: a {@link Recorder} on {@link InputOffsets}, joined with the probe by {@link Stages}. */
class PipelineRecorderTest {
    private static final long START = 1_764_000_000_000L;
    private final Notifications notifications = new Notifications();
    /** Never started: the test stamps what it would have polled. */
    private final VisibilityProbe probe = new VisibilityProbe("127.0.0.1:9", "sns.notifications", 2, 2, START - 60_000);

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void givenSequenceNumsBeyondAnInt_whenDelivered_thenEachCountsOnceByPartitionAndOffset() {
        // given the measured events start at offset 3,000,000 on partition 0 and 10 on partition 1
        Recorder recorder = recorder(new long[]{3_000_000, 10});

        // when three arrive, one of them twice
        long big = SequenceNumbers.of(0, 3_000_001);
        recorder.record("t1", body("t1", "1", big, START), START + 5);
        recorder.record("t1", body("t1", "1", big, START), START + 6);
        recorder.record("t1", body("t1", "2", SequenceNumbers.of(1, 10), START), START + 7);
        recorder.record("t1", body("t1", "1", SequenceNumbers.of(0, 3_000_000), START), START + 8);

        // then
        PhaseResult result = recorder.result(3);
        assertThat(big).isGreaterThan(Integer.MAX_VALUE);
        assertThat(result.delivered()).isEqualTo(3);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.unreadable()).isZero();
        assertThat(result.orderViolations()).as("user t1/1 got offset 3,000,000 after 3,000,001").isEqualTo(1);
    }

    @Test
    void givenWarmUpEventsBeforeTheMeasuredOffsets_whenTheyArrive_thenTheyAreNotCounted() {
        Recorder recorder = recorder(new long[]{100, 100});

        recorder.record("t1", body("t1", "1", SequenceNumbers.of(0, 99), START - 500), START + 1);
        recorder.record("t1", body("t1", "1", SequenceNumbers.of(1, 5), START - 500), START + 1);
        recorder.record("t1", body("t1", "1", SequenceNumbers.of(0, 100), START), START + 2);

        PhaseResult result = recorder.result(1);
        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.latency().max()).isEqualTo(2);
    }

    @Test
    void givenVisibilityTimes_whenJoined_thenTheLatencySplitsIntoItsTwoStagesByArrivalSecond() {
        // given two events created at START, visible after 100 and 150 ms, received 20 and 1,860 ms after that
        InputOffsets arrivals = new InputOffsets(new long[]{0, 0}, START - 60_000);
        Recorder recorder = new Recorder("pipeline", START, arrivals);
        long first = SequenceNumbers.of(0, 0);
        long second = SequenceNumbers.of(1, 0);
        probe.stamp(List.of(record(0, body("t1", "1", first, START))), START + 100);
        probe.stamp(List.of(record(1, body("t1", "2", second, START))), START + 150);
        recorder.record("t1", body("t1", "1", first, START), START + 120);
        recorder.record("t1", body("t1", "2", second, START), START + 2_010);

        // when
        StageLatency stages = Stages.of(arrivals, probe, recorder.startMs());

        // then the stages add up to the end-to-end latency
        assertThat(recorder.result(2).latency()).isEqualTo(new LatencySummary(2, 120, 2_010, 2_010, 2_010));
        assertThat(stages.eventToVisible()).isEqualTo(new LatencySummary(2, 100, 150, 150, 150));
        assertThat(stages.visibleToReceived()).isEqualTo(new LatencySummary(2, 20, 1_860, 1_860, 1_860));
        assertThat(stages.notSeenByProbe()).isZero();
        assertThat(stages.eventToVisiblePerSecond()).extracting(PhaseResult.SecondStats::deliveries).containsExactly(1, 0, 1);
        assertThat(stages.visibleToReceivedPerSecond().get(2).p50()).isEqualTo(1_860);
        assertThat(probe.seen()).isEqualTo(2);
    }

    @Test
    void givenANotificationTheProbeNeverSaw_whenJoined_thenItIsCountedAsNotSeen() {
        InputOffsets arrivals = new InputOffsets(new long[]{0, 0}, START);
        Recorder recorder = new Recorder("pipeline", START, arrivals);
        recorder.record("t1", body("t1", "1", SequenceNumbers.of(0, 4), START), START + 10);

        StageLatency stages = Stages.of(arrivals, probe, START);

        assertThat(stages.notSeenByProbe()).isEqualTo(1);
        assertThat(stages.eventToVisible().count()).isZero();
    }

    @Test
    void givenAProbeSlowerThanTheSink_whenJoined_thenTheSecondStageIsZeroNotNegative() {
        InputOffsets arrivals = new InputOffsets(new long[]{0, 0}, START);
        Recorder recorder = new Recorder("pipeline", START, arrivals);
        long seq = SequenceNumbers.of(0, 0);
        recorder.record("t1", body("t1", "1", seq, START), START + 50);
        probe.stamp(List.of(record(0, body("t1", "1", seq, START))), START + 80);

        StageLatency stages = Stages.of(arrivals, probe, START);

        assertThat(stages.visibleToReceived().max()).isZero();
        assertThat(stages.eventToVisible().max()).isEqualTo(80);
    }

    @Test
    void givenTheProbeMeasuringFromOffsets_whenStamped_thenOnlyTheMeasuredNotificationsCountAsProgress() {
        probe.measureFrom(new long[]{2, 0});

        probe.stamp(List.of(record(0, body("t1", "1", SequenceNumbers.of(0, 1), START)),
                record(0, body("t1", "1", SequenceNumbers.of(0, 2), START)),
                record(1, body("t1", "2", SequenceNumbers.of(1, 0), START))), START + 5);

        assertThat(probe.seen()).isEqualTo(3);
        assertThat(probe.measuredSeen()).isEqualTo(2);
    }

    private Recorder recorder(long[] from) {
        return new Recorder("pipeline", START, new InputOffsets(from, START - 60_000));
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, byte[] value) {
        return new ConsumerRecord<>("sns.notifications", partition, 0, null, value);
    }

    private byte[] body(String tenant, String member, long seq, long createdMs) {
        return notifications.value(tenant, member, seq, createdMs);
    }
}
