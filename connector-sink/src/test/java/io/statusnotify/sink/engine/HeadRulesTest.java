package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.config.TenantSecrets;
import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.status.SinkMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static io.statusnotify.sink.engine.FakeClockCircuit.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens next to a lane's head, without the dispatcher, on a fake clock: the tenant's route, its circuit and
 * backlog for a notification of the notifications topic; circuit, wait, memory and age for a parked one. At most
 * {@link #MAX_QUEUED} of a tenant's may wait; parked ones are given up after 7 days or {@link #MAX_ATTEMPTS} tries.
 */
class HeadRulesTest {
    private static final TenantConfig CONFIG = DispatcherFixture.configOf("acme");
    private static final int MAX_QUEUED = 3;
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration MAX_AGE = Duration.ofDays(7);
    private static final LimitSettings LIMITS = new LimitSettings(100, 50, MAX_QUEUED, Duration.ofSeconds(5), 1000, 1000,
            1000, 100, FakeClockCircuit.FAILURES_TO_OPEN, new TenantLimitSettings(LimitAlgorithm.FIXED, 64, 4));

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ParkedKeys parked = new ParkedKeys();
    private final List<LongConsumer> rounds = new ArrayList<>();
    private long reads;
    private int users;
    private final ViewWaits views = new ViewWaits(() -> ++reads, rounds::add, Runnable::run, lane -> { });
    private final Items items = new Items();
    private final TenantState acme = new TenantState("acme", new TenantCircuit(FakeClockCircuit.FAILURES_TO_OPEN, SCHEDULE));
    private TenantConfigView view = DispatcherFixture.emptyView(registry);
    private HeadRules rules;

    HeadRulesTest() {
        view.apply("acme", Json.write(CONFIG));
        rules = rules();
    }

    private HeadRules rules() {
        return new HeadRules(view, views, parked, new SendSlots(LIMITS, clock, new Timers(), lane -> { }), LIMITS,
                new RetrySettings(List.of(Duration.ofSeconds(5)), 0.2, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        MAX_AGE, MAX_ATTEMPTS), clock);
    }

    private KeyLane polled(String tenant) {
        KeyLane lane = items.add(items.main, tenant, "u1", 1, clock.millis());
        views.read(lane.items.peek());
        return lane;
    }

    /** Another user's parked notification read back from the retry topic, written {@code ago} before now. */
    private KeyLane parkedOne(Duration ago) {
        users++;
        return items.add(items.retry, "acme", "p" + users, users, clock.millis() - ago.toMillis());
    }

    private HeadRules.Step next(KeyLane lane) {
        return rules.next(lane, lane.items.peek(), acme);
    }

    private void open() {
        for (int i = 0; i < FakeClockCircuit.FAILURES_TO_OPEN; i++) {
            acme.circuit.failed(clock.millis(), new TenantCircuit.Attempt(CONFIG, true, false), FakeClockCircuit.UNAVAILABLE);
        }
    }

    @Test
    void givenAConfiguredTenantWithAClosedCircuit_whenItsNotificationIsPolled_thenItIsSentWithItsConfig() {
        assertThat(next(polled("acme"))).isEqualTo(new HeadRules.Send(CONFIG));
    }

    @Test
    void givenAnEarlierNotificationOfTheKeyParked_thenTheNextFollowsItToTheRetryTopic() {
        KeyLane lane = polled("acme");
        parked.parked(lane.partition(), lane.key);

        assertThat(next(lane)).isEqualTo(new HeadRules.Park("earlier-parked", 0));
    }

    @Test
    void givenAnOpenOrRefusedCircuit_thenItsNewNotificationsAreParkedTheOpenOnesUntilTheProbeTime() {
        KeyLane lane = polled("acme");
        open();

        assertThat(next(lane)).isEqualTo(new HeadRules.Park("tenant-failing", clock.millis() + 5_000));

        acme.circuit.refused(new TenantCircuit.Attempt(CONFIG, true, false));
        assertThat(next(lane)).isEqualTo(new HeadRules.Park("auth-failed", 0));
    }

    @Test
    void givenMoreOfTheTenantsQueuedThanItMayHave_thenItsNewerOnesAreParkedAsBacklog() {
        KeyLane lane = polled("acme");
        acme.queued = MAX_QUEUED;
        assertThat(next(lane)).isInstanceOf(HeadRules.Send.class);

        acme.queued = MAX_QUEUED + 1;
        assertThat(next(lane)).isEqualTo(new HeadRules.Park("tenant-backlog", 0));
    }

    @Test
    void givenAConfigWhoseSecretCannotBeUsed_thenParkedAndTheTenantHeldAsRefusedWithItsErrorNoted() {
        view = new TenantConfigView(true, new TenantSecrets(new SecretBox(SecretKeys.none()), false),
                new ConfigRefusals(registry, SinkMetrics.CONFIG_REFUSED, LoggerFactory.getLogger(HeadRulesTest.class)));
        view.apply("acme", Json.write(CONFIG)); // a clear-text password where only sealed ones are accepted
        rules = rules();

        assertThat(next(polled("acme"))).isEqualTo(new HeadRules.Park(HeadRules.CREDENTIALS_UNUSABLE, 0));

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(acme.lastError).startsWith("config cannot be used: password");
        assertThat(next(parkedOne(Duration.ZERO))).as("a parked one waits for the record to change")
                .isEqualTo(new HeadRules.Wait(Wakeups.UNTIL_WOKEN));
    }

    @Test
    void givenATenantTheViewDoesNotSendTo_whenReadBeforeTheViewWasCurrent_thenItWaitsForTheViewAndIsDroppedAfter() {
        KeyLane lane = polled("nobody");

        assertThat(next(lane)).isEqualTo(new HeadRules.AwaitView());

        views.await(lane);
        rounds.remove(0).accept(reads); // a round begun after it was read completes
        assertThat(next(lane)).isEqualTo(new HeadRules.Drop(((Route.Drop) view.route("nobody")).reason()));
    }

    @Test
    void givenAParkedOneWhoseWaitHasNotEnded_thenItWaitsUntilThenAndIsSentOnceItHas() {
        KeyLane lane = parkedOne(Duration.ofSeconds(1));
        Item head = lane.items.peek();
        head.notBefore = clock.millis() + 2_000;
        head.notBeforeSetAt = clock.millis();

        assertThat(next(lane)).isEqualTo(new HeadRules.Wait(clock.millis() + 2_000));

        clock.advance(Duration.ofSeconds(2));
        assertThat(next(lane)).isEqualTo(new HeadRules.Send(CONFIG));
    }

    @Test
    void givenAParkedOneWaiting_whenItsTenantRecoveredSinceTheWaitWasSet_thenItIsSentAtOnce() {
        KeyLane lane = parkedOne(Duration.ofSeconds(1));
        Item head = lane.items.peek();
        head.notBefore = clock.millis() + 60_000;
        head.notBeforeSetAt = clock.millis();
        acme.circuit.refused(new TenantCircuit.Attempt(CONFIG, true, false));
        clock.advance(Duration.ofMillis(1));

        acme.circuit.configChanged(clock.millis(), CONFIG, true); // its record written again: "try now"

        assertThat(next(lane)).isEqualTo(new HeadRules.Send(CONFIG));
    }

    @Test
    void givenAnOpenCircuit_thenAParkedOneWaitsToBeWokenAndAtTheProbeTimeGoesAsTheProbe() {
        KeyLane lane = parkedOne(Duration.ofSeconds(1));
        open();

        assertThat(next(lane)).isEqualTo(new HeadRules.Wait(Wakeups.UNTIL_WOKEN));

        clock.advance(Duration.ofSeconds(5));
        assertThat(next(lane)).isEqualTo(new HeadRules.Send(CONFIG));
        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
    }

    @Test
    void givenAParkedOneKeptByOffsetOnly_thenItIsReadAgainFirstAlsoWhenItIsToBeGivenUp() {
        KeyLane lane = parkedOne(MAX_AGE.plusSeconds(1));
        lane.items.peek().unload();

        assertThat(next(lane)).isEqualTo(new HeadRules.Load());
    }

    @Test
    void givenAParkedOneOlderThanTheMaxAgeOrTriedTooOften_thenItIsGivenUpWithThatReasonEvenWhileItsCircuitIsOpen() {
        open();
        KeyLane old = parkedOne(MAX_AGE.plusMillis(1));
        KeyLane young = parkedOne(MAX_AGE);

        assertThat(next(old)).isEqualTo(new HeadRules.Expired(DeadLetter.MAX_AGE));
        assertThat(next(young)).isInstanceOf(HeadRules.Wait.class);

        young.items.peek().attempts = MAX_ATTEMPTS;
        assertThat(next(young)).isEqualTo(new HeadRules.Expired(DeadLetter.RETRIES_EXHAUSTED));
    }
}
