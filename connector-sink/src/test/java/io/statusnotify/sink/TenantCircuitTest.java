package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every transition of a tenant's circuit, on a fake clock ({@link #now}, in milliseconds): the retry schedule waits
 * 5 s, 30 s, then 2 min (repeating), without jitter; 3 failures in a row open it.
 */
class TenantCircuitTest {
    private static final int FAILURES_TO_OPEN = 3;
    private static final RetrySchedule SCHEDULE = new RetrySchedule(new SinkSettings.Retry(
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), 0.2, Duration.ofSeconds(60),
            Duration.ofMinutes(5), Duration.ofDays(7), 0), () -> 0.5);
    private static final TenantConfig CONFIG = new TenantConfig(true, "https://hooks.example.com/acme", "u", "p");
    private static final TenantConfig NEW_CONFIG = new TenantConfig(true, "https://hooks.example.com/acme", "u", "p2");
    private static final Verdict.Retry UNAVAILABLE = new Verdict.Retry("5xx", Optional.empty());

    private final TenantCircuit circuit = new TenantCircuit(FAILURES_TO_OPEN, SCHEDULE);
    private long now = 1_700_000_000_000L;

    private static TenantCircuit.Attempt answer() {
        return new TenantCircuit.Attempt(CONFIG, true, false);
    }

    private static TenantCircuit.Attempt probe() {
        return new TenantCircuit.Attempt(CONFIG, true, true);
    }

    /** An answer to a config the tenant has replaced since. */
    private static TenantCircuit.Attempt oldConfigs(boolean probe) {
        return new TenantCircuit.Attempt(CONFIG, false, probe);
    }

    private static Verdict.Retry retryAfter(Duration asked) {
        return new Verdict.Retry("5xx", Optional.of(asked));
    }

    private TenantCircuit.Failed fail() {
        return circuit.failed(now, answer(), UNAVAILABLE);
    }

    /** Opened by three failures in a row at {@link #now}: open for the first delay, 5 s. */
    private long open() {
        fail();
        fail();
        assertThat(fail()).isInstanceOf(TenantCircuit.Opened.class);
        return circuit.openUntil();
    }

    private void halfOpen() {
        now = open();
        assertThat(circuit.mayTry(now)).isTrue();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
    }

    @Test
    void givenAClosedCircuit_whenFewerFailuresInARowThanTheThreshold_thenItStaysClosedAndSends() {
        assertThat(fail()).isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(fail()).isInstanceOf(TenantCircuit.Unchanged.class);

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.mayTry(now)).isTrue();
        assertThat(circuit.isBlocked()).isFalse();
        assertThat(circuit.openUntil()).isZero();
    }

    @Test
    void givenAClosedCircuit_whenTheThresholdOfFailuresInARowIsReached_thenItOpensForTheFirstDelay() {
        fail();
        fail();

        TenantCircuit.Failed third = fail();

        assertThat(third).isEqualTo(new TenantCircuit.Opened(now + 5_000, 5_000, true));
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
        assertThat(circuit.openUntil()).isEqualTo(now + 5_000);
        assertThat(circuit.isBlocked()).isTrue();
        assertThat(circuit.mayTry(now)).isFalse();
    }

    @Test
    void givenAClosedCircuit_whenThrottledFailuresOpenIt_thenItWaitsAtLeastTheThrottledMinimum() {
        Verdict.Retry throttled = new Verdict.Retry("4xx", Optional.empty());
        circuit.failed(now, answer(), throttled);
        circuit.failed(now, answer(), throttled);

        assertThat(circuit.failed(now, answer(), throttled)).isEqualTo(new TenantCircuit.Opened(now + 60_000, 60_000, true));
    }

    @Test
    void givenFailuresInARow_whenASuccessComesBetween_thenTheCountStartsAgain() {
        fail();
        fail();

        assertThat(circuit.succeeded(now, answer())).isFalse(); // it was closed: nothing to reopen
        fail();
        fail();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(fail()).isInstanceOf(TenantCircuit.Opened.class);
    }

    @Test
    void givenFailuresInARow_whenAnAnswerToAnOldConfigSucceeds_thenTheCountStartsAgain() {
        fail();
        fail();

        circuit.succeeded(now, oldConfigs(false));
        fail();
        fail();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAnOpenCircuit_whenItsProbeTimeHasNotCome_thenNothingMayBeTried() {
        long probeAt = open();

        assertThat(circuit.mayTry(probeAt - 1)).isFalse();
        assertThat(circuit.halfOpenIfDue(probeAt - 1)).isFalse();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
    }

    @Test
    void givenAnOpenCircuit_whenItsProbeTimeComes_thenItTurnsHalfOpenOnce() {
        long probeAt = open();

        assertThat(circuit.halfOpenIfDue(probeAt)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
        assertThat(circuit.isBlocked()).isFalse();
        assertThat(circuit.openUntil()).isZero();
        assertThat(circuit.readyForProbe()).isTrue();
        assertThat(circuit.halfOpenIfDue(probeAt + 1)).isFalse(); // already half open
    }

    @Test
    void givenAnOpenCircuit_whenAParkedNotificationAsksAtItsProbeTime_thenItMayGoAndTheCircuitIsHalfOpen() {
        long probeAt = open();

        assertThat(circuit.mayTry(probeAt)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
    }

    @Test
    void givenAHalfOpenCircuit_whenTheProbeIsSent_thenNothingElseMayBeTriedUntilItEnds() {
        halfOpen();

        assertThat(circuit.requestStarted()).isTrue();

        assertThat(circuit.mayTry(now)).isFalse();
        assertThat(circuit.awaitsProbe()).isFalse();
        assertThat(circuit.readyForProbe()).isFalse();
        assertThat(circuit.holdsProbe()).isTrue();
        assertThatThrownBy(circuit::requestStarted).isInstanceOf(IllegalStateException.class);

        circuit.probeEnded();

        assertThat(circuit.holdsProbe()).isFalse();
        assertThat(circuit.readyForProbe()).isTrue();
        assertThat(circuit.mayTry(now)).isTrue();
    }

    @Test
    void givenAHalfOpenCircuit_whenTheProbeIsBeingReadAgain_thenNothingElseMayBeTriedUntilItIsRead() {
        halfOpen();

        circuit.loadStarted();

        assertThat(circuit.mayTry(now)).isFalse();
        assertThat(circuit.readyForProbe()).isFalse();
        assertThat(circuit.awaitsProbe()).isTrue(); // no probe request open yet
        assertThat(circuit.holdsProbe()).isTrue();
        assertThatThrownBy(circuit::requestStarted).isInstanceOf(IllegalStateException.class);

        assertThat(circuit.loadEnded()).isTrue();

        assertThat(circuit.mayTry(now)).isTrue();
        assertThat(circuit.loadEnded()).isFalse();
        assertThat(circuit.requestStarted()).isTrue();
    }

    @Test
    void givenAClosedCircuit_whenANotificationIsReadAgainAndSent_thenItIsNoProbe() {
        circuit.loadStarted();

        assertThat(circuit.holdsProbe()).isFalse();
        assertThat(circuit.loadEnded()).isFalse();
        assertThat(circuit.requestStarted()).isFalse();
        assertThat(circuit.requestStarted()).isFalse();
        assertThat(circuit.holdsProbe()).isFalse();
    }

    @Test
    void givenAHalfOpenProbe_whenItSucceeds_thenTheCircuitClosesAndWaitsSetBeforeAreOver() {
        halfOpen();
        long waitSetAt = now - 1;
        circuit.requestStarted();
        now += 40;

        boolean closed = circuit.succeeded(now, probe());

        assertThat(closed).isTrue();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.holdsProbe()).isFalse();
        assertThat(circuit.closedAfter(waitSetAt)).isTrue();
        assertThat(circuit.closedAfter(now)).isFalse();
        assertThat(circuit.mayTry(now)).isTrue();
    }

    @Test
    void givenARecoveredTenant_whenItFailsAgain_thenTheDelaysStartFromTheFirst() {
        halfOpen();
        circuit.requestStarted();
        circuit.failed(now, probe(), UNAVAILABLE); // second opening: 30 s
        now = circuit.openUntil();
        circuit.mayTry(now);
        circuit.requestStarted();
        circuit.succeeded(now, probe());

        fail();
        fail();

        assertThat(fail()).isEqualTo(new TenantCircuit.Opened(now + 5_000, 5_000, true));
    }

    @Test
    void givenAnOpenCircuit_whenAnEarlierRequestSucceeds_thenTheCircuitCloses() {
        open();

        assertThat(circuit.succeeded(now, answer())).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAHalfOpenProbe_whenItFails_thenTheCircuitOpensAgainWithTheNextLongerDelay() {
        halfOpen();
        circuit.requestStarted();
        now += 100;

        TenantCircuit.Failed failed = circuit.failed(now, probe(), UNAVAILABLE);

        assertThat(failed).isEqualTo(new TenantCircuit.Opened(now + 30_000, 30_000, false));
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
        assertThat(circuit.holdsProbe()).isFalse();

        now = circuit.openUntil();
        circuit.mayTry(now);
        circuit.requestStarted();
        assertThat(circuit.failed(now, probe(), UNAVAILABLE)).isEqualTo(new TenantCircuit.Opened(now + 120_000, 120_000, false));
        now = circuit.openUntil();
        circuit.mayTry(now);
        circuit.requestStarted();
        assertThat(circuit.failed(now, probe(), UNAVAILABLE)).isEqualTo(new TenantCircuit.Opened(now + 120_000, 120_000, false));
    }

    @Test
    void givenAHalfOpenCircuit_whenAnEarlierRequestFails_thenItStaysHalfOpenForItsProbe() {
        halfOpen();

        assertThat(fail()).isInstanceOf(TenantCircuit.Unchanged.class);

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
        assertThat(circuit.readyForProbe()).isTrue();
    }

    @Test
    void givenAnOpenCircuit_whenAFailureAsksForALongerRetryAfter_thenItStaysOpenThatLong() {
        long probeAt = open();
        now += 1_000;

        TenantCircuit.Failed failed = circuit.failed(now, answer(), retryAfter(Duration.ofSeconds(60)));

        assertThat(failed).isEqualTo(new TenantCircuit.Extended(now + 60_000));
        assertThat(circuit.openUntil()).isEqualTo(now + 60_000);
        assertThat(circuit.mayTry(probeAt)).isFalse();
        assertThat(circuit.mayTry(now + 60_000)).isTrue();
    }

    @Test
    void givenAnOpenCircuit_whenAFailureAsksForLessThanItWaitsAlready_thenItsProbeTimeStays() {
        fail();
        fail();
        circuit.failed(now, answer(), retryAfter(Duration.ofMinutes(2)));
        long probeAt = circuit.openUntil();
        assertThat(probeAt).isEqualTo(now + 120_000);
        now += 1_000;

        assertThat(circuit.failed(now, answer(), retryAfter(Duration.ofSeconds(10)))).isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(fail()).isInstanceOf(TenantCircuit.Unchanged.class); // no Retry-After: nothing asked

        assertThat(circuit.openUntil()).isEqualTo(probeAt);
    }

    @Test
    void givenAClosedCircuit_whenTheTenantRefuses_thenNothingMayBeTriedEver() {
        assertThat(circuit.refused(answer())).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.isBlocked()).isTrue();
        assertThat(circuit.mayTry(now + Duration.ofDays(30).toMillis())).isFalse();
        assertThat(circuit.refused(answer())).isFalse(); // already refused: said once
    }

    @Test
    void givenARefusedCircuit_whenLaterAnswersSucceedOrFail_thenItStaysRefused() {
        halfOpen();
        circuit.requestStarted();
        circuit.refused(answer()); // an earlier request's 401 while the probe is out

        assertThat(circuit.succeeded(now, answer())).isFalse();
        assertThat(circuit.failed(now, probe(), UNAVAILABLE)).isInstanceOf(TenantCircuit.Unchanged.class);
        for (int i = 0; i < 2 * FAILURES_TO_OPEN; i++) fail();
        circuit.succeeded(now, oldConfigs(false));
        circuit.failed(now, oldConfigs(true), UNAVAILABLE);

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.mayTry(now + Duration.ofDays(1).toMillis())).isFalse();
    }

    @Test
    void givenARefusedCircuit_whenTheTenantsOwnRecordIsWrittenAgainUnchanged_thenItCloses() {
        circuit.refused(answer());
        long waitSetAt = now;
        now += 10;

        assertThat(circuit.configChanged(now, CONFIG, true)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.closedAfter(waitSetAt)).isTrue();
        assertThat(circuit.mayTry(now)).isTrue();
    }

    @Test
    void givenARefusedCircuit_whenAGlobalRecordLeavesTheTenantsConfigAsItWas_thenItStaysRefused() {
        circuit.refused(answer());

        assertThat(circuit.configChanged(now, CONFIG, false)).isFalse();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);

        assertThat(circuit.configChanged(now, NEW_CONFIG, false)).isTrue();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAnOpenCircuit_whenTheConfigChanges_thenItClosesAndTheDelaysStartAgain() {
        halfOpen();
        circuit.requestStarted();
        circuit.failed(now, probe(), UNAVAILABLE); // second opening
        now += 1_000;

        assertThat(circuit.configChanged(now, NEW_CONFIG, true)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.holdsProbe()).isFalse();
        fail();
        fail();
        assertThat(fail()).isEqualTo(new TenantCircuit.Opened(now + 5_000, 5_000, true));
    }

    @Test
    void givenAClosedCircuit_whenAConfigRecordIsWritten_thenNothingChanges() {
        long before = now - 1;
        now += 1_000;

        assertThat(circuit.configChanged(now, NEW_CONFIG, true)).isFalse();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.closedAfter(before)).isFalse();
    }

    @Test
    void givenAnOpenCircuit_whenAnswersToAnOldConfigComeBack_thenTheCircuitDoesNotMove() {
        long probeAt = open();

        assertThat(circuit.succeeded(now, oldConfigs(false))).isFalse();
        assertThat(circuit.failed(now, oldConfigs(true), retryAfter(Duration.ofMinutes(5))))
                .isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(circuit.refused(oldConfigs(false))).isFalse();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
        assertThat(circuit.openUntil()).isEqualTo(probeAt);
    }

    @Test
    void givenAClosedCircuit_whenOldConfigsAnswersFail_thenTheyDoNotCountTowardsOpening() {
        for (int i = 0; i < 2 * FAILURES_TO_OPEN; i++) {
            assertThat(circuit.failed(now, oldConfigs(false), UNAVAILABLE)).isInstanceOf(TenantCircuit.Unchanged.class);
        }

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenUnusableCredentials_whenHeld_thenRefusedUntilAnyOtherConfig() {
        assertThat(circuit.unusable()).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.unusable()).isFalse(); // held so already: said once
        assertThat(circuit.configChanged(now, CONFIG, false)).isTrue(); // a usable config differs from none
    }

    @Test
    void givenARefusal_whenTheCredentialsThenCannotBeUsed_thenThatIsNewAndHeldTheSame() {
        circuit.refused(answer());

        assertThat(circuit.unusable()).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.configChanged(now, CONFIG, false)).isTrue();
    }

    @Test
    void givenAThresholdBelowOne_whenBuilt_thenItIsRefused() {
        assertThatThrownBy(() -> new TenantCircuit(0, SCHEDULE)).isInstanceOf(IllegalArgumentException.class);
    }
}
