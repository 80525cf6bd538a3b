package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.Verdict;
import io.statusnotify.sink.status.SinkMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.statusnotify.sink.engine.FakeClockCircuit.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One attempt on the wire, with a fake sender whose answers run at once (a direct engine executor) on a fake clock: what
 * a request holds while it is out, what its answer hands on, and which answer is the probe's. A tenant may have two
 * requests in flight.
 */
class RequestsTest {
    private static final TenantConfig CONFIG = DispatcherFixture.configOf("acme");

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final FakeSender sender = new FakeSender();
    private final List<KeyLane> slotLanes = new ArrayList<>();
    private final SendSlots slots = new SendSlots(new LimitSettings(100, 2, 1000, Duration.ofSeconds(5), 1000, 1000,
            1000, 100, 3, new TenantLimitSettings(LimitAlgorithm.FIXED, 64, 4)), clock, new Timers(), slotLanes::add);
    private final List<Requests.Answered> answers = new ArrayList<>();
    private final List<Integer> inFlightWhenAnswered = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Requests requests = new Requests(sender, slots, new SinkMetrics(registry, 100), clock, Runnable::run,
            answer -> {
                answers.add(answer);
                inFlightWhenAnswered.add(slots.inFlight());
            });
    private final Items items = new Items();
    private final TenantState acme = new TenantState("acme", new TenantCircuit(1, SCHEDULE));

    private KeyLane lane(long sequenceNum) {
        return items.add(items.main, "acme", "u" + sequenceNum, sequenceNum, clock.millis());
    }

    private boolean send(KeyLane lane) {
        return requests.trySend(lane, lane.items.peek(), acme, CONFIG);
    }

    @Test
    void givenAFreeSlot_whenTheHeadIsSent_thenItIsStampedOnceHoldsItsSlotsAndItsPartitionUntilTheAnswer() {
        KeyLane lane = lane(1);
        Item item = lane.items.peek();

        assertThat(send(lane)).isTrue();

        assertThat(lane.state).isEqualTo(KeyLane.State.SENDING);
        assertThat(item.attempts).isEqualTo(1);
        assertThat(item.firstAttemptAt).isEqualTo(clock.millis());
        assertThat(Json.read(item.body, Notification.class).queueTimestamp()).isEqualTo(clock.millis());
        assertThat(sender.open()).containsExactly(1L);
        assertThat(acme.slots.inFlight()).isEqualTo(1);
        assertThat(items.main.isBusy()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        sender.answer(1, 200);

        assertThat(answers).hasSize(1);
        Requests.Answered answer = answers.get(0);
        assertThat(answer.lane()).isSameAs(lane);
        assertThat(answer.item()).isSameAs(item);
        assertThat(answer.config()).isEqualTo(CONFIG);
        assertThat(answer.verdict()).isEqualTo(new Verdict.Success());
        assertThat(answer.probe()).isFalse();
        assertThat(inFlightWhenAnswered).as("its slot is free while the answer is dealt with").containsExactly(0);
        assertThat(lane.state).isEqualTo(KeyLane.State.IDLE);
        assertThat(items.main.isBusy()).isFalse();
    }

    @Test
    void givenTheTenantsSlotsTaken_whenAnotherHeadIsTried_thenItWaitsAndGoesWhenAnAnswerHandsTheSlotOn() {
        send(lane(1));
        send(lane(2));
        KeyLane third = lane(3);

        assertThat(send(third)).isFalse();
        assertThat(third.state).isEqualTo(KeyLane.State.WAITING_FOR_SLOT);

        sender.answer(2, 500);

        assertThat(slotLanes).containsExactly(third);
        assertThat(answers).extracting(Requests.Answered::verdict).containsExactly(new Verdict.Retry("5xx", Optional.empty()));
    }

    @Test
    void givenAHalfOpenCircuit_whenTheProbeAnswers_thenItIsTheProbeAndAnOlderRequestsAnswerIsNot() {
        KeyLane before = lane(1);
        send(before); // sent while closed
        acme.circuit.failed(clock.millis(), FakeClockCircuit.answer(), FakeClockCircuit.UNAVAILABLE);
        clock.advance(Duration.ofSeconds(5));
        assertThat(acme.circuit.mayTry(clock.millis())).isTrue();
        send(lane(2)); // the probe

        sender.answer(1, 500);
        sender.answer(2, 500);

        assertThat(answers).extracting(Requests.Answered::probe).containsExactly(false, true);
    }

    @Test
    void givenAProbeOutWhenTheCircuitClosedAndHalfOpenedAgain_whenItAnswers_thenItIsNotTheProbeAndTheNewOneStillHolds() {
        acme.circuit.failed(clock.millis(), FakeClockCircuit.answer(), FakeClockCircuit.UNAVAILABLE);
        clock.advance(Duration.ofSeconds(5));
        acme.circuit.mayTry(clock.millis());
        send(lane(1)); // the first probe
        acme.circuit.configChanged(clock.millis(), CONFIG, true);
        acme.circuit.failed(clock.millis(), FakeClockCircuit.answer(), FakeClockCircuit.UNAVAILABLE);
        clock.advance(Duration.ofSeconds(5));
        acme.circuit.mayTry(clock.millis());
        send(lane(2)); // the second

        sender.answer(1, 500);

        assertThat(answers).extracting(Requests.Answered::probe).containsExactly(false);
        assertThat(acme.circuit.holdsProbe()).isTrue();
        assertThat(acme.circuit.mayTry(clock.millis())).isFalse();

        sender.answer(2, 500);
        assertThat(answers).extracting(Requests.Answered::probe).containsExactly(false, true);
        assertThat(acme.circuit.holdsProbe()).isFalse();
    }

    @Test
    void givenAnAttemptAndItsRetry_thenBothAreCountedAndTheRetryKeepsTheFirstAttemptsTime() {
        KeyLane lane = lane(1);
        long first = clock.millis();
        send(lane);
        sender.answer(1, 500);
        clock.advance(Duration.ofSeconds(5));

        send(lane);

        assertThat(registry.find(SinkMetrics.ATTEMPTS).tag("tenant", "acme").counter().count()).isEqualTo(2);
        assertThat(lane.items.peek().attempts).isEqualTo(2);
        assertThat(lane.items.peek().firstAttemptAt).isEqualTo(first);
    }
}
