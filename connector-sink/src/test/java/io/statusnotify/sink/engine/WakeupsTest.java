package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.TenantConfigView;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.statusnotify.sink.engine.FakeClockCircuit.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When lanes waiting for their tenant go on, on a fake clock. A lane handed back does what the dispatcher's would:
 * it is sent if the circuit lets it (as the probe when half open), and otherwise waits again to be woken.
 */
class WakeupsTest {
    private static final TenantConfig CONFIG = DispatcherFixture.configOf("acme");

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Timers timers = new Timers();
    private final TenantStates tenants = new TenantStates(Duration.ofMinutes(10),
            () -> new TenantCircuit(FakeClockCircuit.FAILURES_TO_OPEN, SCHEDULE));
    private final TenantConfigView view = DispatcherFixture.emptyView(new SimpleMeterRegistry());
    private final List<KeyLane> handedBack = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> slotLanes = new ArrayList<>();
    private final SendSlots slots = new SendSlots(new LimitSettings(100, 1, 1000, Duration.ofSeconds(5), 1000, 1000,
            1000, 100, 3, new TenantLimitSettings(LimitAlgorithm.FIXED, 64, 4)), clock, timers, lane -> slotLanes.add(lane.key));
    private final Wakeups wakeups = new Wakeups(clock, timers, tenants, view, slots, this::handedBack);
    private final TenantState acme = tenants.get("acme");
    private long probe;

    WakeupsTest() {
        view.apply("acme", Json.write(CONFIG));
    }

    private void handedBack(KeyLane lane) {
        assertThat(lane.state).isEqualTo(KeyLane.State.IDLE);
        handedBack.add(lane);
        TenantState tenant = tenants.get(lane.tenant);
        if (!tenant.circuit.mayTry(clock.millis())) {
            wakeups.await(lane, tenant, Wakeups.UNTIL_WOKEN);
            return;
        }
        long started = tenant.circuit.requestStarted();
        if (started != TenantCircuit.NO_PROBE) probe = started;
        lane.state = KeyLane.State.SENDING;
        sent.add(lane.key);
    }

    private KeyLane waiting(String user, long until) {
        KeyLane lane = new KeyLane("acme/" + user, "acme", null);
        wakeups.await(lane, acme, until);
        return lane;
    }

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
        timers.runDue(clock.millis());
    }

    /** Opened by three failures now; returns its probe time. */
    private long open() {
        for (int i = 0; i < FakeClockCircuit.FAILURES_TO_OPEN; i++) {
            acme.circuit.failed(clock.millis(), new TenantCircuit.Attempt(CONFIG, true, false), FakeClockCircuit.UNAVAILABLE);
        }
        return acme.circuit.openUntil();
    }

    @Test
    void givenALaneWaitingUntilATime_whenThatTimeComes_thenItGoesOnAndNotBefore() {
        KeyLane lane = waiting("u1", clock.millis() + 1_000);
        assertThat(lane.state).isEqualTo(KeyLane.State.WAITING_FOR_TENANT);

        advance(999);
        assertThat(sent).isEmpty();

        advance(1);
        assertThat(sent).containsExactly("acme/u1");
        assertThat(acme.waiting).isEmpty();
    }

    @Test
    void givenALaneWokenEarlier_whenItsOwnTimeComes_thenItIsNotHandedBackAgain() {
        waiting("u1", clock.millis() + 1_000);
        wakeups.wakeAll(acme);
        assertThat(sent).containsExactly("acme/u1");

        advance(1_000);

        assertThat(sent).containsExactly("acme/u1");
    }

    @Test
    void givenThreeLanesWaitingForAnOpenCircuit_whenItsProbeIsDue_thenOneGoesAsTheProbeAndTheOthersKeepWaiting() {
        long probeAt = open();
        KeyLane first = waiting("u1", Wakeups.UNTIL_WOKEN);
        KeyLane second = waiting("u2", Wakeups.UNTIL_WOKEN);
        KeyLane third = waiting("u3", Wakeups.UNTIL_WOKEN);
        wakeups.probeAt(acme, probeAt);

        advance(probeAt - clock.millis() - 1);
        assertThat(sent).isEmpty();

        advance(1);
        assertThat(sent).containsExactly("acme/u1");
        assertThat(first.state).isEqualTo(KeyLane.State.SENDING);
        assertThat(acme.waiting).containsExactly(second, third);
        assertThat(third.state).isEqualTo(KeyLane.State.WAITING_FOR_TENANT);
    }

    @Test
    void givenAProbeOut_whenAskedAfterARequestEnded_thenTheNextGoesOnlyOnceTheProbeItselfEndedUnsettled() {
        long probeAt = open();
        waiting("u1", Wakeups.UNTIL_WOKEN);
        waiting("u2", Wakeups.UNTIL_WOKEN);
        wakeups.probeAt(acme, probeAt);
        advance(probeAt - clock.millis());
        assertThat(sent).containsExactly("acme/u1");

        wakeups.ifAwaitsProbe(acme); // another request's end: the probe is still out
        assertThat(sent).containsExactly("acme/u1");

        acme.circuit.probeEnded(probe); // dead-lettered, say: the circuit still half open
        wakeups.ifAwaitsProbe(acme);
        assertThat(sent).containsExactly("acme/u1", "acme/u2");
    }

    @Test
    void givenAProbeBeingReadAgain_whenAskedIfItEnded_thenTheOthersGoOnlyOnceTheReadEnded() {
        long probeAt = open();
        waiting("u1", Wakeups.UNTIL_WOKEN);
        clock.advance(Duration.ofMillis(probeAt - clock.millis()));
        acme.circuit.halfOpenIfDue(clock.millis());
        acme.circuit.loadStarted();

        wakeups.ifProbeEnded(acme);
        assertThat(sent).isEmpty();

        acme.circuit.loadEnded(); // not found on the retry topic, say
        wakeups.ifProbeEnded(acme);
        assertThat(sent).containsExactly("acme/u1");
    }

    @Test
    void givenARefusedTenant_whenItsOwnRecordIsWrittenAgain_thenItsCircuitClosesAndItsWaitingLanesAndSlotWaitersGo() {
        acme.circuit.refused(new TenantCircuit.Attempt(CONFIG, true, false));
        waiting("u1", Wakeups.UNTIL_WOKEN);
        waiting("u2", Wakeups.UNTIL_WOKEN);
        KeyLane sending = new KeyLane("acme/u3", "acme", null);
        KeyLane forSlot = new KeyLane("acme/u4", "acme", null);
        assertThat(slots.take(sending, acme, CONFIG)).isTrue();
        assertThat(slots.take(forSlot, acme, CONFIG)).as("a tenant limit of one").isFalse();
        slots.ended(acme);

        wakeups.configChanged("acme");

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(sent).containsExactly("acme/u1", "acme/u2");
        assertThat(slotLanes).containsExactly("acme/u4");
    }

    @Test
    void givenARefusedTenant_whenAGlobalRecordLeavesItsConfigAsItWas_thenItStaysRefusedAndItsLanesWaitAgain() {
        acme.circuit.refused(new TenantCircuit.Attempt(CONFIG, true, false));
        KeyLane lane = waiting("u1", Wakeups.UNTIL_WOKEN);

        wakeups.configChanged(GlobalSettings.KEY);
        wakeups.configChanged("nobody"); // no state: nothing to do

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(sent).isEmpty();
        assertThat(acme.waiting).containsExactly(lane);
    }

    @Test
    void givenLanesWaitingForAnOpenCircuit_whenTheSweepFindsOnePastItsAge_thenOnlyThatOneGoesOn() {
        open();
        KeyLane old = waiting("u1", Wakeups.UNTIL_WOKEN);
        KeyLane young = waiting("u2", Wakeups.UNTIL_WOKEN);
        Items items = new Items();
        old.items.add(items.add(items.retry, "acme", "u1", 1, 0).items.peek());
        young.items.add(items.add(items.retry, "acme", "u2", 2, clock.millis()).items.peek());

        wakeups.wakeExpired(item -> item.createdAt == 0);

        assertThat(handedBack).containsExactly(old);
        assertThat(young.state).isEqualTo(KeyLane.State.WAITING_FOR_TENANT);
    }
}
