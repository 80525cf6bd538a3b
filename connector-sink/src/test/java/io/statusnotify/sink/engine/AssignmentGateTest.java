package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.kafka.RetryScan;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate at assignment over MockConsumers: the group's (pause and resume) and the retry scan's, which counts on the
 * test's thread (a direct executor); its answer comes back through the engine's tasks, run here by hand.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a scan that never reaches its end offset would spin until its own four-minute timeout
class AssignmentGateTest {
    private static final TopicPartition N0 = new TopicPartition("sns.notifications", 0);
    private static final TopicPartition R0 = new TopicPartition("sns.notifications.retry", 0);

    private final FakeClock clock = new FakeClock(EngineFixture.START);
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final MockConsumer<String, Void> scanConsumer = new MockConsumer<>("earliest");
    private final ParkedKeys parked = new ParkedKeys();
    private final EngineTasks tasks = new EngineTasks();
    private final Timers timers = new Timers();
    private int letGo;
    private final AssignmentGate gate = new AssignmentGate(consumer,
            new RetryScan(scanConsumer, new DirectExecutorService(), "sns-sink", Duration.ZERO), parked, tasks, timers,
            clock, () -> letGo++);

    @BeforeEach
    void assignBoth() {
        consumer.assign(List.of(N0, R0));
    }

    @AfterEach
    void close() {
        gate.close();
    }

    /** Notifications waiting on R0 from offset 0, one per key given (keys may repeat). */
    private void parkedOnRetry(String... keys) {
        scanConsumer.assign(List.of(R0));
        scanConsumer.updateBeginningOffsets(Map.of(R0, 0L));
        scanConsumer.updateEndOffsets(Map.of(R0, (long) keys.length));
        for (int offset = 0; offset < keys.length; offset++) {
            scanConsumer.addRecord(new ConsumerRecord<>(R0.topic(), R0.partition(), offset, keys[offset], null));
        }
    }

    private static PartitionWork work(TopicPartition tp) {
        return new PartitionWork(tp, tp.equals(R0), null);
    }

    @Test
    void givenNothingPastTheRetryCommit_whenAssigned_thenThePairDeliversAtOnceWithoutAScan() {
        gate.admit(work(N0), R0, true, new OffsetAndMetadata(5), 5);

        assertThat(consumer.paused()).isEmpty();
        assertThat(gate.holds(N0)).isFalse();
        assertThat(gate.holds(R0)).isFalse();
        assertThat(scanConsumer.assignment()).as("no scan").isEmpty();
        assertThat(parked.keys(0)).isZero();
    }

    @Test
    void givenKeysParkedOnTheRetryPartition_whenAssigned_thenThePairIsPausedUntilTheirCountIsLoaded() {
        parkedOnRetry("u1", "u2", "u1");

        gate.admit(work(N0), R0, true, null, 3);

        assertThat(consumer.paused()).containsExactlyInAnyOrder(N0, R0);
        assertThat(gate.holds(N0)).isTrue();
        assertThat(gate.holds(R0)).isTrue();
        assertThat(parked.keys(0)).as("not loaded before the engine runs the answer").isZero();
        assertThat(letGo).isZero();

        tasks.runAll();

        assertThat(consumer.paused()).isEmpty();
        assertThat(gate.holds(N0)).isFalse();
        assertThat(gate.holds(R0)).isFalse();
        assertThat(letGo).isEqualTo(1);
        assertThat(parked.keys(0)).isEqualTo(2);
        parked.finished(0, "u1");
        assertThat(parked.has(0, "u1")).as("u1 was counted twice").isTrue();
        parked.finished(0, "u1");
        assertThat(parked.has(0, "u1")).isFalse();
    }

    @Test
    void givenTheRetryPartitionNotAssignedWithIt_whenHeld_thenOnlyTheNotificationsPartitionIsPaused() {
        parkedOnRetry("u1");

        gate.admit(work(N0), R0, false, null, 1);

        assertThat(consumer.paused()).containsExactly(N0);
        assertThat(gate.holds(R0)).isFalse();
        tasks.runAll();
        assertThat(consumer.paused()).isEmpty();
        assertThat(parked.has(0, "u1")).isTrue();
    }

    @Test
    void givenTheCountFails_whenFiveSecondsHavePassed_thenItIsCountedAgainAndThePairLetGo() {
        parkedOnRetry("u1");
        scanConsumer.setOffsetsException(new KafkaException("broker away")); // the next offsets call only

        gate.admit(work(N0), R0, true, null, 1);
        tasks.runAll();
        assertThat(gate.holds(N0)).isTrue();

        clock.advance(AssignmentGate.SCAN_RETRY_AFTER.minusMillis(1));
        timers.runDue(clock.millis());
        tasks.runAll();
        assertThat(gate.holds(N0)).isTrue();
        assertThat(consumer.paused()).containsExactlyInAnyOrder(N0, R0);
        assertThat(letGo).isZero();

        clock.advance(Duration.ofMillis(1));
        timers.runDue(clock.millis());
        tasks.runAll();
        assertThat(gate.holds(N0)).isFalse();
        assertThat(consumer.paused()).isEmpty();
        assertThat(parked.has(0, "u1")).isTrue();
        assertThat(letGo).isEqualTo(1);
    }

    @Test
    void givenAPairHeld_whenRevokedBeforeItsCountIsRun_thenTheLateCountLoadsNothingAndResumesNothing() {
        parkedOnRetry("u1");
        PartitionWork notifications = work(N0);
        gate.admit(notifications, R0, true, null, 1);

        gate.release(notifications);
        gate.release(work(R0));
        tasks.runAll();

        assertThat(gate.holds(N0)).isFalse();
        assertThat(gate.holds(R0)).isFalse();
        assertThat(parked.has(0, "u1")).isFalse();
        assertThat(consumer.paused()).as("left as the revoke found it").containsExactlyInAnyOrder(N0, R0);
        assertThat(letGo).isZero();
    }

    @Test
    void givenAPairRevokedAndAssignedAgain_whenBothCountsComeBack_thenOnlyTheNewAssignmentsCountLetsItGo() {
        parkedOnRetry("u1");
        PartitionWork first = work(N0);
        gate.admit(first, R0, true, null, 1);
        gate.release(first);
        gate.release(work(R0));

        parkedOnRetry("u1"); // read again by the second count (MockConsumer hands a record out once)
        gate.admit(work(N0), R0, true, null, 1);
        assertThat(gate.holds(N0)).isTrue();
        tasks.runAll();

        assertThat(letGo).isEqualTo(1);
        assertThat(gate.holds(N0)).isFalse();
        assertThat(consumer.paused()).isEmpty();
        assertThat(parked.keys(0)).isEqualTo(1);
        assertThat(Set.copyOf(scanConsumer.assignment())).isEqualTo(Set.of(R0));
    }
}
