package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.SinkHarness;

import io.statusnotify.schema.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading parked notifications again, with a fake reader that records what is asked and batches the test hands in,
 * on a fake clock. Parked notifications are unloaded as they come while memory is full ({@link #park}).
 */
class ParkedLoadsTest {
    private record Read(PartitionWork work, long from) {
    }

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Timers timers = new Timers();
    private final KeyLanes lanes = new KeyLanes();
    private final TenantStates tenants = new TenantStates(Duration.ofMinutes(1),
            () -> new TenantCircuit(1, FakeClockCircuit.SCHEDULE));
    private final PartitionWork retry0 = new PartitionWork(new TopicPartition("sns.notifications.retry", 0), true, null);
    private final List<Read> reads = new ArrayList<>();
    private final List<KeyLane> handedBack = new ArrayList<>();
    private RetryMemory memory;
    private ParkedLoads loads;

    private void memory(int maxBuffered) {
        memory = new RetryMemory(maxBuffered);
        loads = new ParkedLoads((work, from, loaded) -> reads.add(new Read(work, from)), memory, lanes, tenants, timers,
                clock, handedBack::addAll);
    }

    private static ConsumerRecord<String, byte[]> record(String tenant, String user, long offset) {
        return new ConsumerRecord<>("sns.notifications.retry", 0, offset, tenant + "/" + user,
                Json.write(SinkHarness.seedNotification(tenant, user, offset + 1)));
    }

    /** The parked notification at {@code offset} joins its lane, kept in memory or by offset as memory allows. */
    private KeyLane park(String tenant, String user, long offset) {
        ConsumerRecord<String, byte[]> record = record(tenant, user, offset);
        Item item = new Item(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, true));
        KeyLane lane = lanes.add(retry0, record.key(), item);
        memory.took(item);
        return lane;
    }

    /** Takes memory's {@code count} places with another tenant's parked ones; their lane. */
    private KeyLane fill(int count) {
        KeyLane filler = null;
        for (int offset = 0; offset < count; offset++) filler = park("initech", "u1", offset);
        return filler;
    }

    /** The filler's notifications are delivered: their places in memory are free. */
    private void free(KeyLane filler) {
        while (!filler.items.isEmpty()) memory.removed(lanes.pop(filler));
    }

    @Test
    void givenTwoLanesOfAPartitionToBeRead_whenBothStart_thenOneReadAtATimeEachFromTheLowestHeadStillWaiting() {
        memory(0);
        KeyLane lower = park("acme", "u1", 3);
        KeyLane higher = park("acme", "u2", 5);

        loads.start(higher);
        loads.start(lower);
        assertThat(reads).containsExactly(new Read(retry0, 5));
        assertThat(lower.state).isEqualTo(KeyLane.State.LOADING);

        loads.loaded(retry0, 5, 6, List.of(record("acme", "u2", 5)));

        assertThat(handedBack).containsExactly(higher);
        assertThat(reads).containsExactly(new Read(retry0, 5), new Read(retry0, 3));
    }

    @Test
    void givenABatchWithTheHead_whenLoaded_thenTheLaneIsHandedBackIdleWithItsHeadInMemory() {
        memory(0);
        KeyLane lane = park("acme", "u1", 3);
        loads.start(lane);

        loads.loaded(retry0, 3, 4, List.of(record("acme", "u1", 3)));

        assertThat(handedBack).containsExactly(lane);
        assertThat(lane.state).isEqualTo(KeyLane.State.IDLE);
        assertThat(lane.items.peek().isLoaded()).isTrue();
        assertThat(memory.buffered()).isEqualTo(1);
        assertThat(memory.unloaded()).isZero();
        assertThat(reads).as("nothing else waits to be read").hasSize(1);
    }

    @Test
    void givenABatchReadOverTheHeadsOffsetWithoutIt_whenLoaded_thenTheLaneIsHandedBackWithItsHeadUnloaded() {
        memory(0);
        KeyLane lane = park("acme", "u1", 3);
        loads.start(lane);

        loads.loaded(retry0, 0, 10, List.of(record("globex", "u1", 4)));

        assertThat(handedBack).containsExactly(lane);
        assertThat(lane.items.peek().isLoaded()).as("gone with the retry topic's retention").isFalse();
    }

    @Test
    void givenAnEmptyBatchShortOfTheHead_whenLoaded_thenTheLaneWaitsAndIsReadAgainNotBefore200msButThen() {
        memory(0);
        KeyLane lane = park("acme", "u1", 7);
        loads.start(lane);

        loads.loaded(retry0, 7, 7, List.of());
        assertThat(handedBack).isEmpty();
        assertThat(lane.state).isEqualTo(KeyLane.State.LOADING);

        clock.advance(Duration.ofMillis(199));
        timers.runDue(clock.millis());
        assertThat(reads).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        timers.runDue(clock.millis());
        assertThat(reads).containsExactly(new Read(retry0, 7), new Read(retry0, 7));
    }

    @Test
    void givenRoomInMemory_whenABatchHoldsMoreThanTheHead_thenATenantThatMayBeTriedHasItsNextLoadedAndABlockedOneNot() {
        memory(3);
        KeyLane filler = fill(3);
        KeyLane acme = park("acme", "u1", 3);
        park("acme", "u1", 4);
        KeyLane blocked = park("globex", "u1", 5);
        free(filler);
        tenants.get("globex").circuit.failed(0, FakeClockCircuit.answer(), FakeClockCircuit.UNAVAILABLE);
        loads.start(acme);

        loads.loaded(retry0, 3, 6, List.of(record("acme", "u1", 3), record("acme", "u1", 4), record("globex", "u1", 5)));

        assertThat(acme.items).allMatch(Item::isLoaded);
        assertThat(blocked.items.peek().isLoaded()).isFalse();
        assertThat(memory.buffered()).isEqualTo(2);
        assertThat(handedBack).containsExactly(acme);
    }

    @Test
    void givenMemoryFull_whenABatchHoldsMoreThanTheHead_thenOnlyTheHeadIsLoaded() {
        memory(1);
        KeyLane filler = fill(1);
        KeyLane lane = park("acme", "u1", 1);
        park("acme", "u1", 2);
        free(filler);
        loads.start(lane);

        loads.loaded(retry0, 1, 3, List.of(record("acme", "u1", 1), record("acme", "u1", 2)));

        assertThat(lane.items).extracting(Item::isLoaded).containsExactly(true, false);
    }

    @Test
    void givenARevokedPartition_whenItsBatchComesLate_thenItIsIgnoredAndNothingMoreIsRead() {
        memory(0);
        KeyLane lane = park("acme", "u1", 3);
        loads.start(lane);

        assertThat(loads.revoke(retry0)).containsExactly(lane);
        retry0.revoke();
        loads.loaded(retry0, 3, 4, List.of(record("acme", "u1", 3)));
        clock.advance(Duration.ofSeconds(1));
        timers.runDue(clock.millis());

        assertThat(handedBack).isEmpty();
        assertThat(lane.items.peek().isLoaded()).isFalse();
        assertThat(reads).hasSize(1);
        assertThat(loads.revoke(retry0)).isEmpty();
    }
}
