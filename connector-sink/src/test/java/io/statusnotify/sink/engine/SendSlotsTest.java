package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.Verdict;



import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may send when, on a fake clock: each lane stands for one user's head; a lane handed back tries again at once,
 * as the dispatcher's does, and {@link #sent} records the lanes that took a slot, in order.
 */
class SendSlotsTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final FakeClock clock = new FakeClock(START);
    private final Timers timers = new Timers();
    private final Map<String, TenantState> tenants = new HashMap<>();
    private final Map<String, TenantConfig> configs = new HashMap<>();
    private final List<String> sent = new ArrayList<>();
    /** Lanes that, handed back, do not try to send (as the dispatcher's while draining). */
    private final Set<KeyLane> idle = new HashSet<>();
    private SendSlots slots;

    /** Fixed tenant limits: always the ceiling. */
    private void limits(int maxInFlight, int tenantMaxInFlight) {
        limits(maxInFlight, tenantMaxInFlight, new TenantLimitSettings(LimitAlgorithm.FIXED, 64, 4));
    }

    private void limits(int maxInFlight, int tenantMaxInFlight, TenantLimitSettings tenantLimits) {
        slots = new SendSlots(new LimitSettings(maxInFlight, tenantMaxInFlight, 10_000, Duration.ofMinutes(1),
                1000, 1000, 1000, 100, 5, tenantLimits), clock, timers, this::send);
    }

    private static TenantConfig config(String tenant, Integer maxInFlight, Double perSecond) {
        return new TenantConfig(true, "http://" + tenant + ".example/hook", tenant, "pw", maxInFlight, perSecond);
    }

    private TenantState tenant(String name) {
        return tenants.computeIfAbsent(name, n -> new TenantState(n, new TenantCircuit(1, FakeClockCircuit.SCHEDULE)));
    }

    private TenantConfig configOf(String tenant) {
        return configs.computeIfAbsent(tenant, t -> config(t, null, null));
    }

    /** A lane of the user's, tried at once. */
    private KeyLane lane(String tenant, String user) {
        KeyLane lane = new KeyLane(tenant + "/" + user, tenant, null);
        send(lane);
        return lane;
    }

    private void send(KeyLane lane) {
        if (idle.contains(lane)) return;
        if (slots.take(lane, tenant(lane.tenant), configOf(lane.tenant))) {
            lane.state = KeyLane.State.SENDING;
            sent.add(lane.key);
        }
    }

    /** The request of {@code lane} ends, and its slots are handed on as the dispatcher hands them. */
    private void answer(KeyLane lane) {
        assertThat(lane.state).isEqualTo(KeyLane.State.SENDING);
        lane.state = KeyLane.State.IDLE;
        slots.ended(tenant(lane.tenant));
        slots.release(tenant(lane.tenant));
    }

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
        timers.runDue(clock.millis());
    }

    @Test
    void givenATenantAtItsLimit_whenAnotherOfItsUsersWaits_thenItGoesWhenOneAnswersAndOtherTenantsAreNotHeld() {
        limits(100, 2);
        KeyLane first = lane("acme", "u1");
        lane("acme", "u2");
        KeyLane third = lane("acme", "u3");
        KeyLane other = lane("globex", "u1");

        assertThat(sent).containsExactly("acme/u1", "acme/u2", "globex/u1");
        assertThat(third.state).isEqualTo(KeyLane.State.WAITING_FOR_SLOT);
        assertThat(slots.inFlight()).isEqualTo(3);

        answer(other);
        assertThat(sent).as("globex's answer frees none of acme's slots").hasSize(3);

        answer(first);
        assertThat(sent).containsExactly("acme/u1", "acme/u2", "globex/u1", "acme/u3");
        assertThat(third.state).isEqualTo(KeyLane.State.SENDING);
        assertThat(tenant("acme").slots.inFlight()).isEqualTo(2);
    }

    @Test
    void givenAConfigWithItsOwnMaxInFlight_whenItsUsersWait_thenThatIsTheTenantsCeiling() {
        limits(100, 50);
        configs.put("acme", config("acme", 1, null));
        KeyLane first = lane("acme", "u1");
        lane("acme", "u2");

        assertThat(sent).containsExactly("acme/u1");
        assertThat(slots.limit(tenant("acme"), configOf("acme"))).isEqualTo(1);

        answer(first);
        assertThat(sent).containsExactly("acme/u1", "acme/u2");
    }

    @Test
    void givenTheGlobalLimitReached_whenARequestAnswers_thenTheSlotGoesToTheTenantThatWaitedFirst() {
        limits(3, 50);
        KeyLane first = lane("acme", "u1");
        KeyLane second = lane("acme", "u2");
        lane("acme", "u3");
        KeyLane globex = lane("globex", "u1");
        KeyLane fourth = lane("acme", "u4");

        assertThat(sent).containsExactly("acme/u1", "acme/u2", "acme/u3");
        assertThat(globex.state).isEqualTo(KeyLane.State.WAITING_FOR_SLOT);
        assertThat(fourth.state).as("acme has slots of its own, but globex waited first").isEqualTo(KeyLane.State.WAITING_FOR_SLOT);

        answer(first);
        assertThat(sent).containsExactly("acme/u1", "acme/u2", "acme/u3", "globex/u1");

        answer(second);
        assertThat(sent).containsExactly("acme/u1", "acme/u2", "acme/u3", "globex/u1", "acme/u4");
        assertThat(slots.inFlight()).isEqualTo(3);
    }

    @Test
    void givenTwoTenantsWaitingForGlobalSlots_whenTwoFreeUp_thenEachGetsOneInTheOrderTheyWaitedBeforeTheReleasingTenant() {
        limits(2, 50);
        KeyLane first = lane("acme", "u1");
        KeyLane second = lane("acme", "u2");
        lane("globex", "u1");
        lane("initech", "u1");
        lane("acme", "u3");
        assertThat(sent).containsExactly("acme/u1", "acme/u2");

        first.state = KeyLane.State.IDLE;
        second.state = KeyLane.State.IDLE;
        slots.ended(tenant("acme"));
        slots.ended(tenant("acme"));
        slots.release(tenant("acme"));

        assertThat(sent).containsExactly("acme/u1", "acme/u2", "globex/u1", "initech/u1");
        assertThat(tenant("acme").slots.ready()).extracting(l -> l.key).containsExactly("acme/u3");
        assertThat(tenant("globex").slots.waitsForGlobalSlot()).isFalse();
        assertThat(tenant("acme").slots.waitsForGlobalSlot()).as("still waiting for a global slot").isTrue();
    }

    @Test
    void givenARateCapOfTwoPerSecond_whenFourUsersWait_thenTwoGoAtOnceAndEachNextOneNotBeforeHalfASecondLaterButThen() {
        limits(100, 50);
        configs.put("acme", config("acme", null, 2.0));
        for (int user = 1; user <= 4; user++) lane("acme", "u" + user);
        assertThat(sent).as("the burst").containsExactly("acme/u1", "acme/u2");

        advance(499);
        assertThat(sent).hasSize(2);
        advance(1);
        assertThat(sent).containsExactly("acme/u1", "acme/u2", "acme/u3");

        advance(499);
        assertThat(sent).hasSize(3);
        advance(1);
        assertThat(sent).containsExactly("acme/u1", "acme/u2", "acme/u3", "acme/u4");
    }

    @Test
    void givenARateCapBelowOnePerSecond_whenTwoUsersWait_thenTheSecondGoesOnlyWhenAWholeTokenIsDue() {
        limits(100, 50);
        configs.put("acme", config("acme", null, 0.5));
        lane("acme", "u1");
        lane("acme", "u2");
        assertThat(sent).as("a burst of one").containsExactly("acme/u1");

        advance(1999);
        assertThat(sent).hasSize(1);
        advance(1);
        assertThat(sent).containsExactly("acme/u1", "acme/u2");
    }

    @Test
    void givenTheOldestWaiterStillFindsNoToken_whenSlotsFreeUp_thenItKeepsItsTurnAheadOfTheLaterOnes() {
        limits(100, 1);
        configs.put("acme", config("acme", null, 1.0));
        KeyLane first = lane("acme", "u1");
        KeyLane second = lane("acme", "u2");
        KeyLane third = lane("acme", "u3");

        answer(first); // a slot, but the one token of this second is spent
        assertThat(sent).containsExactly("acme/u1");
        assertThat(tenant("acme").slots.ready()).containsExactly(second, third);

        advance(1000);
        assertThat(sent).containsExactly("acme/u1", "acme/u2");
        assertThat(tenant("acme").slots.ready()).containsExactly(third);
    }

    @Test
    void givenALaneHandedBackThatNoLongerSends_whenSlotsFreeUp_thenTheNextWaitingLaneIsTried() {
        limits(100, 1);
        KeyLane first = lane("acme", "u1");
        KeyLane emptied = lane("acme", "u2");
        lane("acme", "u3");
        idle.add(emptied); // its partition is closing, say: handed back, it stays idle

        answer(first);

        assertThat(emptied.state).isEqualTo(KeyLane.State.IDLE);
        assertThat(sent).containsExactly("acme/u1", "acme/u3");
    }

    @Test
    void givenAWithdrawnLane_whenSlotsFreeUp_thenItIsNotHandedBack() {
        limits(100, 1);
        KeyLane first = lane("acme", "u1");
        KeyLane revoked = lane("acme", "u2");
        lane("acme", "u3");

        slots.withdraw(tenant("acme"), revoked);
        answer(first);

        assertThat(sent).containsExactly("acme/u1", "acme/u3");
    }

    @Test
    void givenALossAnswer_whenItIsToTheConfigTheLimitAppliesTo_thenTheLimitShrinksAndAnAnswerToAnOldConfigIsIgnored() {
        limits(100, 50, new TenantLimitSettings(LimitAlgorithm.AIMD, 20, 4));
        TenantState acme = tenant("acme");
        TenantConfig current = configOf("acme");
        Verdict.Retry lost = new Verdict.Retry("5xx", Optional.empty());
        assertThat(slots.limit(acme, current)).isEqualTo(20);

        slots.answered(acme, config("acme", 7, null), lost, false, 0, 1_000_000, 20);
        assertThat(slots.limit(acme, current)).as("an answer to another config").isEqualTo(20);

        slots.answered(acme, current, lost, false, 0, 1_000_000, 20);
        assertThat(slots.limit(acme, current)).isEqualTo(18);
    }

    @Test
    void givenARecentPaceAndABacklog_whenAskedHowLongItWaits_thenItIsTheBacklogBeyondTheLimitAtTheSlowerOfPaceAndRate() {
        limits(100, 2);
        TenantState acme = tenant("acme");
        acme.observeLatency(100); // 2 slots of 100 ms: 20 a second
        acme.queued = 12;

        assertThat(slots.queueWaitMillis(acme, configOf("acme"))).isEqualTo(500);
        assertThat(slots.queueWaitMillis(acme, config("acme", null, 5.0))).as("capped at 5 a second").isEqualTo(2000);
    }
}
