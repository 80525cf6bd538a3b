package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.status.SinkMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A polled record becoming a lane's notification, or finished at once, without a broker: the dead-letter topic is
 * never written here (the outbox is not needed for what is asserted), retry memory holds one notification whole.
 */
class IntakeTest {
    private static final String GROUP = "sns-sink";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Items items = new Items();
    private final KeyLanes lanes = new KeyLanes();
    private final TenantStates tenants = new TenantStates(Duration.ofMinutes(10),
            () -> new TenantCircuit(3, FakeClockCircuit.SCHEDULE));
    private final RetryMemory memory = new RetryMemory(1);
    private final List<Runnable> engineTasks = new ArrayList<>();
    private long reads;
    private final ViewWaits views = new ViewWaits(() -> ++reads, then -> { }, Runnable::run, lane -> { });
    private final Outcomes outcomes = new Outcomes(null, new SinkMetrics(new SimpleMeterRegistry(), 100),
            new ParkedKeys(), new Timers(), engineTasks::add, clock, false);
    private final Intake intake = new Intake(GROUP, lanes, tenants, memory, views, outcomes);

    private ConsumerRecord<String, byte[]> polled(boolean retry, String member, long sequenceNum) {
        return items.record(retry ? items.retry : items.main, "acme", member, sequenceNum, clock.millis());
    }

    @Test
    void givenNotificationsOfOneUser_whenPolled_thenTheyQueueInOrderInOneLaneCountedInTheTenantsQueue() {
        KeyLane first = intake.take(items.main, polled(false, "u1", 1));
        KeyLane second = intake.take(items.main, polled(false, "u1", 2));

        assertThat(second).isSameAs(first);
        assertThat(first.items).extracting(item -> item.sequenceNum).containsExactly(1L, 2L);
        assertThat(first.items).extracting(item -> item.read).containsExactly(1L, 2L);
        assertThat(tenants.find("acme").queued).isEqualTo(2);
        assertThat(lanes.bufferedMain()).isEqualTo(2);
    }

    @Test
    void givenParkedNotifications_whenPolled_thenRetryMemoryHoldsThemWholeWhileItHasRoomAndTheRestByOffset() {
        intake.take(items.retry, polled(true, "u1", 1));
        KeyLane second = intake.take(items.retry, polled(true, "u2", 2));

        assertThat(memory.buffered()).isEqualTo(1);
        assertThat(memory.unloaded()).isEqualTo(1);
        assertThat(second.items.peek().isLoaded()).isFalse();
        assertThat(tenants.find("acme")).as("nothing of the notifications topic queued").isNull();
    }

    @Test
    void givenARecordFinishedBeforeARestartOrAnotherGroupsParkedCopy_whenPolled_thenNothingIsQueued() {
        ConsumerRecord<String, byte[]> done = polled(false, "u1", 1);
        items.main.take(done.offset());
        items.main.done(done.offset());
        ConsumerRecord<String, byte[]> theirs = polled(true, "u2", 2);
        theirs.headers().add(new RecordHeader(RetryHeaders.GROUP, "another-group".getBytes(StandardCharsets.UTF_8)));

        assertThat(intake.take(items.main, done)).isNull();
        assertThat(intake.take(items.retry, theirs)).isNull();

        assertThat(lanes.bufferedMain()).isZero();
        assertThat(memory.buffered()).isZero();
        assertThat(items.retry.toCommit(theirs.offset() + 1).offset()).as("finished at once").isEqualTo(theirs.offset() + 1);
    }
}
