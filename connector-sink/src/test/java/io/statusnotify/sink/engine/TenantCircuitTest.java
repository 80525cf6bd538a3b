package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.Verdict;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.statusnotify.sink.engine.FakeClockCircuit.SCHEDULE;
import static io.statusnotify.sink.engine.FakeClockCircuit.UNAVAILABLE;
import static io.statusnotify.sink.engine.FakeClockCircuit.answer;
import static io.statusnotify.sink.engine.FakeClockCircuit.probe;
import static io.statusnotify.sink.engine.FakeClockCircuit.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tenant's circuit from closed to open, half open and back, on a fake clock ({@link FakeClockCircuit}): the retry
 * schedule waits 5 s, 30 s, then 2 min (repeating); 3 failures in a row open it.
 */
class TenantCircuitTest {
    private final FakeClockCircuit fake = new FakeClockCircuit();
    private final TenantCircuit circuit = fake.circuit;

    @Test
    void givenAClosedCircuit_whenFewerFailuresInARowThanTheThreshold_thenItStaysClosedAndSends() {
        assertThat(fake.fail()).isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(fake.fail()).isInstanceOf(TenantCircuit.Unchanged.class);

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.mayTry(fake.now)).isTrue();
        assertThat(circuit.isBlocked()).isFalse();
        assertThat(circuit.openUntil()).isZero();
    }

    @Test
    void givenAClosedCircuit_whenTheThresholdOfFailuresInARowIsReached_thenItOpensForTheFirstDelay() {
        fake.fail();
        fake.fail();

        TenantCircuit.Failed third = fake.fail();

        assertThat(third).isEqualTo(new TenantCircuit.Opened(fake.now + 5_000, 5_000, true));
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
        assertThat(circuit.openUntil()).isEqualTo(fake.now + 5_000);
        assertThat(circuit.isBlocked()).isTrue();
        assertThat(circuit.mayTry(fake.now)).isFalse();
    }

    @Test
    void givenAClosedCircuit_whenThrottledFailuresOpenIt_thenItWaitsAtLeastTheThrottledMinimum() {
        Verdict.Retry throttled = new Verdict.Retry("4xx", Optional.empty());
        circuit.failed(fake.now, answer(), throttled);
        circuit.failed(fake.now, answer(), throttled);

        assertThat(circuit.failed(fake.now, answer(), throttled)).isEqualTo(new TenantCircuit.Opened(fake.now + 60_000, 60_000, true));
    }

    @Test
    void givenFailuresInARow_whenASuccessComesBetween_thenTheCountStartsAgain() {
        fake.fail();
        fake.fail();

        assertThat(circuit.succeeded(fake.now, answer())).isFalse(); // it was closed: nothing to reopen
        fake.fail();
        fake.fail();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(fake.fail()).isInstanceOf(TenantCircuit.Opened.class);
    }

    @Test
    void givenAnOpenCircuit_whenItsProbeTimeHasNotCome_thenNothingMayBeTried() {
        long probeAt = fake.open();

        assertThat(circuit.mayTry(probeAt - 1)).isFalse();
        assertThat(circuit.halfOpenIfDue(probeAt - 1)).isFalse();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
    }

    @Test
    void givenAnOpenCircuit_whenItsProbeTimeComes_thenItTurnsHalfOpenOnce() {
        long probeAt = fake.open();

        assertThat(circuit.halfOpenIfDue(probeAt)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
        assertThat(circuit.isBlocked()).isFalse();
        assertThat(circuit.openUntil()).isZero();
        assertThat(circuit.readyForProbe()).isTrue();
        assertThat(circuit.halfOpenIfDue(probeAt + 1)).isFalse(); // already half open
    }

    @Test
    void givenAnOpenCircuit_whenAParkedNotificationAsksAtItsProbeTime_thenItMayGoAndTheCircuitIsHalfOpen() {
        long probeAt = fake.open();

        assertThat(circuit.mayTry(probeAt)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
    }

    @Test
    void givenAHalfOpenCircuit_whenTheProbeIsSent_thenNothingElseMayBeTriedUntilItEnds() {
        fake.halfOpen();

        long probe = circuit.requestStarted();
        assertThat(probe).isNotEqualTo(TenantCircuit.NO_PROBE);

        assertThat(circuit.mayTry(fake.now)).isFalse();
        assertThat(circuit.awaitsProbe()).isFalse();
        assertThat(circuit.readyForProbe()).isFalse();
        assertThat(circuit.holdsProbe()).isTrue();
        assertThatThrownBy(circuit::requestStarted).isInstanceOf(IllegalStateException.class);

        assertThat(circuit.probeEnded(probe)).isTrue();

        assertThat(circuit.holdsProbe()).isFalse();
        assertThat(circuit.readyForProbe()).isTrue();
        assertThat(circuit.mayTry(fake.now)).isTrue();
    }

    @Test
    void givenAProbeStillOutWhenTheCircuitClosedAndHalfOpenedAgain_whenThatOldProbeEnds_thenTheNewProbeStillHoldsIt() {
        fake.halfOpen();
        long old = circuit.requestStarted();
        circuit.configChanged(fake.now, FakeClockCircuit.CONFIG, true); // "try now": closed while the old probe is out
        fake.halfOpen();
        long current = circuit.requestStarted();

        assertThat(circuit.probeEnded(old)).as("not the probe the circuit waits for").isFalse();

        assertThat(circuit.holdsProbe()).isTrue();
        assertThat(circuit.awaitsProbe()).isFalse();
        assertThat(circuit.mayTry(fake.now)).isFalse();
        assertThatThrownBy(circuit::requestStarted).isInstanceOf(IllegalStateException.class);
        assertThat(circuit.failed(fake.now, answer(), UNAVAILABLE)).as("its failure counts as any other's")
                .isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);

        assertThat(circuit.probeEnded(current)).isTrue();
        assertThat(circuit.readyForProbe()).isTrue();
    }

    @Test
    void givenAHalfOpenCircuit_whenTheProbeIsBeingReadAgain_thenNothingElseMayBeTriedUntilItIsRead() {
        fake.halfOpen();

        circuit.loadStarted();

        assertThat(circuit.mayTry(fake.now)).isFalse();
        assertThat(circuit.readyForProbe()).isFalse();
        assertThat(circuit.awaitsProbe()).isTrue(); // no probe request open yet
        assertThat(circuit.holdsProbe()).isTrue();
        assertThatThrownBy(circuit::requestStarted).isInstanceOf(IllegalStateException.class);

        assertThat(circuit.loadEnded()).isTrue();

        assertThat(circuit.mayTry(fake.now)).isTrue();
        assertThat(circuit.loadEnded()).isFalse();
        assertThat(circuit.requestStarted()).isNotEqualTo(TenantCircuit.NO_PROBE);
    }

    @Test
    void givenAClosedCircuit_whenANotificationIsReadAgainAndSent_thenItIsNoProbe() {
        circuit.loadStarted();

        assertThat(circuit.holdsProbe()).isFalse();
        assertThat(circuit.loadEnded()).isFalse();
        assertThat(circuit.requestStarted()).isEqualTo(TenantCircuit.NO_PROBE);
        assertThat(circuit.requestStarted()).isEqualTo(TenantCircuit.NO_PROBE);
        assertThat(circuit.holdsProbe()).isFalse();
    }

    @Test
    void givenAHalfOpenProbe_whenItSucceeds_thenTheCircuitClosesAndWaitsSetBeforeAreOver() {
        fake.halfOpen();
        long waitSetAt = fake.now - 1;
        circuit.requestStarted();
        fake.now += 40;

        boolean closed = circuit.succeeded(fake.now, probe());

        assertThat(closed).isTrue();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.holdsProbe()).isFalse();
        assertThat(circuit.closedAfter(waitSetAt)).isTrue();
        assertThat(circuit.closedAfter(fake.now)).isFalse();
        assertThat(circuit.mayTry(fake.now)).isTrue();
    }

    @Test
    void givenARecoveredTenant_whenItFailsAgain_thenTheDelaysStartFromTheFirst() {
        fake.halfOpen();
        circuit.requestStarted();
        circuit.failed(fake.now, probe(), UNAVAILABLE); // second opening: 30 s
        fake.now = circuit.openUntil();
        circuit.mayTry(fake.now);
        circuit.requestStarted();
        circuit.succeeded(fake.now, probe());

        fake.fail();
        fake.fail();

        assertThat(fake.fail()).isEqualTo(new TenantCircuit.Opened(fake.now + 5_000, 5_000, true));
    }

    @Test
    void givenAnOpenCircuit_whenAnEarlierRequestSucceeds_thenTheCircuitCloses() {
        fake.open();

        assertThat(circuit.succeeded(fake.now, answer())).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAHalfOpenProbe_whenItFails_thenTheCircuitOpensAgainWithTheNextLongerDelay() {
        fake.halfOpen();
        circuit.requestStarted();
        fake.now += 100;

        TenantCircuit.Failed failed = circuit.failed(fake.now, probe(), UNAVAILABLE);

        assertThat(failed).isEqualTo(new TenantCircuit.Opened(fake.now + 30_000, 30_000, false));
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
        assertThat(circuit.holdsProbe()).isFalse();

        fake.now = circuit.openUntil();
        circuit.mayTry(fake.now);
        circuit.requestStarted();
        assertThat(circuit.failed(fake.now, probe(), UNAVAILABLE)).isEqualTo(new TenantCircuit.Opened(fake.now + 120_000, 120_000, false));
        fake.now = circuit.openUntil();
        circuit.mayTry(fake.now);
        circuit.requestStarted();
        assertThat(circuit.failed(fake.now, probe(), UNAVAILABLE)).isEqualTo(new TenantCircuit.Opened(fake.now + 120_000, 120_000, false));
    }

    @Test
    void givenAHalfOpenCircuit_whenAnEarlierRequestFails_thenItStaysHalfOpenForItsProbe() {
        fake.halfOpen();

        assertThat(fake.fail()).isInstanceOf(TenantCircuit.Unchanged.class);

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
        assertThat(circuit.readyForProbe()).isTrue();
    }

    @Test
    void givenAnOpenCircuit_whenAFailureAsksForALongerRetryAfter_thenItStaysOpenThatLong() {
        long probeAt = fake.open();
        fake.now += 1_000;

        TenantCircuit.Failed failed = circuit.failed(fake.now, answer(), retryAfter(Duration.ofSeconds(60)));

        assertThat(failed).isEqualTo(new TenantCircuit.Extended(fake.now + 60_000));
        assertThat(circuit.openUntil()).isEqualTo(fake.now + 60_000);
        assertThat(circuit.mayTry(probeAt)).isFalse();
        assertThat(circuit.mayTry(fake.now + 60_000)).isTrue();
    }

    @Test
    void givenAnOpenCircuit_whenAFailureAsksForLessThanItWaitsAlready_thenItsProbeTimeStays() {
        fake.fail();
        fake.fail();
        circuit.failed(fake.now, answer(), retryAfter(Duration.ofMinutes(2)));
        long probeAt = circuit.openUntil();
        assertThat(probeAt).isEqualTo(fake.now + 120_000);
        fake.now += 1_000;

        assertThat(circuit.failed(fake.now, answer(), retryAfter(Duration.ofSeconds(10)))).isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(fake.fail()).isInstanceOf(TenantCircuit.Unchanged.class); // no Retry-After: nothing asked

        assertThat(circuit.openUntil()).isEqualTo(probeAt);
    }

    @Test
    void givenAThresholdBelowOne_whenBuilt_thenItIsRefused() {
        assertThatThrownBy(() -> new TenantCircuit(0, SCHEDULE)).isInstanceOf(IllegalArgumentException.class);
    }
}
