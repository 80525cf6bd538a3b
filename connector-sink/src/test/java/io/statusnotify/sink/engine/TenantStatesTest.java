package io.statusnotify.sink.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class TenantStatesTest {
    private static final long GRACE = 10_000;
    private static final long SWEEP = 1_000;
    private static final Predicate<String> NONE_CONFIGURED = name -> false;
    private static final Set<String> NO_LANES = Set.of();
    private final TenantStates tenants = new TenantStates(Duration.ofMillis(GRACE),
            () -> new TenantCircuit(1, FakeClockCircuit.SCHEDULE));
    /** The probe {@link #hold} sent, to end it again. */
    private long probe;

    @Test
    void aTenantWithoutConfigIsForgottenOnlyOnceItWasQuietForTheGrace() {
        tenants.get("gone").lastError = "HTTP 503";
        sweep(0); // it was just looked up: not quiet yet

        assertThat(sweep(SWEEP)).isEmpty();
        assertThat(sweep(SWEEP + GRACE - 1)).isEmpty();
        assertThat(tenants.find("gone").lastError).isEqualTo("HTTP 503");

        assertThat(sweep(SWEEP + GRACE)).containsExactly("gone");
        assertThat(tenants.find("gone")).isNull();
        assertThat(tenants.size()).isZero();
    }

    @Test
    void aTenantWithAConfigRecordIsKept() {
        tenants.get("acme");

        for (long now = 0; now <= 3 * GRACE; now += SWEEP) tenants.forgetGone(now, "acme"::equals, NO_LANES);

        assertThat(tenants.find("acme")).isNotNull();
    }

    @Test
    void aGoneTenantWhoseLanesStillHoldNotificationsIsKept() {
        tenants.get("parked");

        for (long now = 0; now <= 3 * GRACE; now += SWEEP) tenants.forgetGone(now, NONE_CONFIGURED, Set.of("parked"));

        assertThat(tenants.find("parked")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inFlight", "queued", "readyForSlot", "waiting", "waitingForGlobalSlot", "probeInFlight",
            "probeLoading"})
    void aGoneTenantWithAnythingPendingIsKeptUntilItWasIdleForTheGrace(String pending) {
        TenantState tenant = tenants.get("gone");
        hold(tenant, pending, true);
        for (long now = 0; now <= 3 * GRACE; now += SWEEP) assertThat(sweep(now)).isEmpty();
        assertThat(tenants.find("gone")).isSameAs(tenant);

        hold(tenant, pending, false);
        long idleFrom = 4 * GRACE;

        assertThat(sweep(idleFrom)).isEmpty();
        assertThat(sweep(idleFrom + GRACE - 1)).isEmpty();
        assertThat(sweep(idleFrom + GRACE)).containsExactly("gone");
    }

    @Test
    void aNotificationSeenDuringTheGraceStartsItAgain() {
        tenants.get("dropped");
        sweep(0);
        sweep(SWEEP);

        tenants.get("dropped"); // another notification, dropped at once: nothing held, but not quiet
        assertThat(sweep(SWEEP + GRACE)).isEmpty();

        assertThat(sweep(2 * SWEEP + GRACE)).isEmpty();
        assertThat(sweep(2 * SWEEP + 2 * GRACE - 1)).isEmpty();
        assertThat(sweep(2 * SWEEP + 2 * GRACE)).containsExactly("dropped");
    }

    @Test
    void aForgottenTenantThatComesBackStartsAfreshWithItsCircuitClosed() {
        TenantState before = tenants.get("back");
        open(before.circuit);
        before.lastError = "connect refused";
        sweep(0);
        sweep(SWEEP);
        assertThat(sweep(SWEEP + GRACE)).containsExactly("back");

        TenantState after = tenants.get("back");

        assertThat(after).isNotSameAs(before);
        assertThat(after.circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
        assertThat(after.lastError).isNull();
    }

    private static void open(TenantCircuit circuit) {
        circuit.failed(0, FakeClockCircuit.answer(), FakeClockCircuit.UNAVAILABLE);
    }

    private static TenantCircuit halfOpen(TenantCircuit circuit) {
        open(circuit);
        circuit.halfOpenIfDue(Long.MAX_VALUE);
        return circuit;
    }

    private List<String> sweep(long now) {
        return tenants.forgetGone(now, NONE_CONFIGURED, NO_LANES);
    }

    private void hold(TenantState tenant, String pending, boolean held) {
        KeyLane lane = new KeyLane("gone/u1", "gone", null);
        switch (pending) {
            case "inFlight" -> {
                if (held) tenant.slots.started(); else tenant.slots.ended();
            }
            case "queued" -> tenant.queued = held ? 1 : 0;
            case "readyForSlot" -> {
                if (held) tenant.slots.waitForSlot(lane); else tenant.slots.nextReady();
            }
            case "waiting" -> {
                if (held) tenant.waiting.add(lane); else tenant.waiting.clear();
            }
            case "waitingForGlobalSlot" -> {
                if (held) tenant.slots.joinGlobalQueue(); else tenant.slots.leftGlobalQueue();
            }
            case "probeInFlight" -> {
                if (held) probe = halfOpen(tenant.circuit).requestStarted(); else tenant.circuit.probeEnded(probe);
            }
            case "probeLoading" -> {
                if (held) halfOpen(tenant.circuit).loadStarted(); else tenant.circuit.loadEnded();
            }
            default -> throw new IllegalArgumentException(pending);
        }
    }
}
