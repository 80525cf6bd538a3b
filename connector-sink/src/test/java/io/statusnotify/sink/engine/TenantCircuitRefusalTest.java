package io.statusnotify.sink.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.statusnotify.sink.engine.FakeClockCircuit.CONFIG;
import static io.statusnotify.sink.engine.FakeClockCircuit.FAILURES_TO_OPEN;
import static io.statusnotify.sink.engine.FakeClockCircuit.NEW_CONFIG;
import static io.statusnotify.sink.engine.FakeClockCircuit.UNAVAILABLE;
import static io.statusnotify.sink.engine.FakeClockCircuit.answer;
import static io.statusnotify.sink.engine.FakeClockCircuit.oldConfigs;
import static io.statusnotify.sink.engine.FakeClockCircuit.probe;
import static io.statusnotify.sink.engine.FakeClockCircuit.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's circuit when the tenant refuses us or its config cannot be used, when its config changes, and when
 * answers to an older config come back, on a fake clock ({@link FakeClockCircuit}).
 */
class TenantCircuitRefusalTest {
    private final FakeClockCircuit fake = new FakeClockCircuit();
    private final TenantCircuit circuit = fake.circuit;

    @Test
    void givenFailuresInARow_whenAnAnswerToAnOldConfigSucceeds_thenTheCountStartsAgain() {
        fake.fail();
        fake.fail();

        circuit.succeeded(fake.now, oldConfigs(false));
        fake.fail();
        fake.fail();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAClosedCircuit_whenTheTenantRefuses_thenNothingMayBeTriedEver() {
        assertThat(circuit.refused(answer())).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.isBlocked()).isTrue();
        assertThat(circuit.mayTry(fake.now + Duration.ofDays(30).toMillis())).isFalse();
        assertThat(circuit.refused(answer())).isFalse(); // already refused: said once
    }

    @Test
    void givenARefusedCircuit_whenLaterAnswersSucceedOrFail_thenItStaysRefused() {
        fake.halfOpen();
        circuit.requestStarted();
        circuit.refused(answer()); // an earlier request's 401 while the probe is out

        assertThat(circuit.succeeded(fake.now, answer())).isFalse();
        assertThat(circuit.failed(fake.now, probe(), UNAVAILABLE)).isInstanceOf(TenantCircuit.Unchanged.class);
        for (int i = 0; i < 2 * FAILURES_TO_OPEN; i++) fake.fail();
        circuit.succeeded(fake.now, oldConfigs(false));
        circuit.failed(fake.now, oldConfigs(true), UNAVAILABLE);

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.mayTry(fake.now + Duration.ofDays(1).toMillis())).isFalse();
    }

    @Test
    void givenARefusedCircuit_whenTheTenantsOwnRecordIsWrittenAgainUnchanged_thenItCloses() {
        circuit.refused(answer());
        long waitSetAt = fake.now;
        fake.now += 10;

        assertThat(circuit.configChanged(fake.now, CONFIG, true)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.closedAfter(waitSetAt)).isTrue();
        assertThat(circuit.mayTry(fake.now)).isTrue();
    }

    @Test
    void givenARefusedCircuit_whenAGlobalRecordLeavesTheTenantsConfigAsItWas_thenItStaysRefused() {
        circuit.refused(answer());

        assertThat(circuit.configChanged(fake.now, CONFIG, false)).isFalse();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);

        assertThat(circuit.configChanged(fake.now, NEW_CONFIG, false)).isTrue();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAnOpenCircuit_whenTheConfigChanges_thenItClosesAndTheDelaysStartAgain() {
        fake.halfOpen();
        circuit.requestStarted();
        circuit.failed(fake.now, probe(), UNAVAILABLE); // second opening
        fake.now += 1_000;

        assertThat(circuit.configChanged(fake.now, NEW_CONFIG, true)).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.holdsProbe()).isFalse();
        fake.fail();
        fake.fail();
        assertThat(fake.fail()).isEqualTo(new TenantCircuit.Opened(fake.now + 5_000, 5_000, true));
    }

    @Test
    void givenAClosedCircuit_whenAConfigRecordIsWritten_thenNothingChanges() {
        long before = fake.now - 1;
        fake.now += 1_000;

        assertThat(circuit.configChanged(fake.now, NEW_CONFIG, true)).isFalse();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(circuit.closedAfter(before)).isFalse();
    }

    @Test
    void givenAnOpenCircuit_whenAnswersToAnOldConfigComeBack_thenTheCircuitDoesNotMove() {
        long probeAt = fake.open();

        assertThat(circuit.succeeded(fake.now, oldConfigs(false))).isFalse();
        assertThat(circuit.failed(fake.now, oldConfigs(true), retryAfter(Duration.ofMinutes(5))))
                .isInstanceOf(TenantCircuit.Unchanged.class);
        assertThat(circuit.refused(oldConfigs(false))).isFalse();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
        assertThat(circuit.openUntil()).isEqualTo(probeAt);
    }

    @Test
    void givenAClosedCircuit_whenOldConfigsAnswersFail_thenTheyDoNotCountTowardsOpening() {
        for (int i = 0; i < 2 * FAILURES_TO_OPEN; i++) {
            assertThat(circuit.failed(fake.now, oldConfigs(false), UNAVAILABLE)).isInstanceOf(TenantCircuit.Unchanged.class);
        }

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenUnusableCredentials_whenHeld_thenRefusedUntilAnyOtherConfig() {
        assertThat(circuit.unusable()).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.unusable()).isFalse(); // held so already: said once
        assertThat(circuit.configChanged(fake.now, CONFIG, false)).isTrue(); // a usable config differs from none
    }

    @Test
    void givenARefusal_whenTheCredentialsThenCannotBeUsed_thenThatIsNewAndHeldTheSame() {
        circuit.refused(answer());

        assertThat(circuit.unusable()).isTrue();

        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(circuit.configChanged(fake.now, CONFIG, false)).isTrue();
    }
}
