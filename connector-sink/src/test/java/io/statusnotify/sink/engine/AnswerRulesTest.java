package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.ResponsePolicy;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.status.TenantHistory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.statusnotify.sink.engine.FakeClockCircuit.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attempt's answer means, without the dispatcher: the answer as it comes back ({@link Requests.Answered}) in,
 * the typed next step out, with what the item and its tenant learnt. The retry schedule waits 5 s, 30 s, 2 min; three
 * failures in a row open the circuit.
 */
class AnswerRulesTest {
    private static final TenantConfig CONFIG = DispatcherFixture.configOf("acme");
    /** Every answer comes this long after its request. */
    private static final long LATENCY_MILLIS = 40;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final TenantConfigView view = DispatcherFixture.emptyView(new SimpleMeterRegistry());
    private final Items items = new Items();
    private final TenantState acme = new TenantState("acme", new TenantCircuit(FakeClockCircuit.FAILURES_TO_OPEN, SCHEDULE));
    private AnswerRules rules = rules(0);
    private long sequenceNum;

    AnswerRulesTest() {
        view.apply("acme", Json.write(CONFIG));
    }

    private AnswerRules rules(int maxAttempts) {
        return new AnswerRules(view, clock, SCHEDULE, new RetrySettings(List.of(Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(2)), 0.2, Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofDays(7), maxAttempts));
    }

    /** A notification of the notifications topic, just tried for the first time. */
    private Item tried() {
        Item item = items.add(items.main, "acme", "u" + sequenceNum, ++sequenceNum, clock.millis()).items.peek();
        item.attempts = 1;
        return item;
    }

    private AnswerRules.Next answer(Item item, TenantConfig sentWith, boolean probe, AttemptResult result) {
        return rules.judge(new Requests.Answered(null, item, acme, sentWith, probe, result,
                ResponsePolicy.classify(result, clock.instant()), LATENCY_MILLIS * 1_000_000));
    }

    private AnswerRules.Next status(Item item, int status) {
        return answer(item, CONFIG, false, new AttemptResult.Response(status, null, null));
    }

    private long now() {
        return clock.millis();
    }

    /** The tenant's history's minute in progress. */
    private TenantHistory.Minute thisMinute() {
        return acme.history.snapshot("acme", now()).minutes().get(TenantHistory.MINUTES - 1);
    }

    @Test
    void givenA200_thenDeliveredAndCountedAndAClosedCircuitStaysAsItIs() {
        Item item = tried();

        assertThat(status(item, 200)).isEqualTo(new AnswerRules.Delivered(false));

        assertThat(item.lastStatus).isEqualTo(200);
        assertThat(acme.delivered.total(now())).isEqualTo(1);
        assertThat(thisMinute()).isEqualTo(new TenantHistory.Minute(1, 0, LATENCY_MILLIS));
        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenAnOpenCircuit_whenA200Comes_thenDeliveredAndRecoveredSoItsParkedOnesGoNow() {
        for (int i = 0; i < FakeClockCircuit.FAILURES_TO_OPEN; i++) status(tried(), 500);
        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.OPEN);

        assertThat(status(tried(), 200)).isEqualTo(new AnswerRules.Delivered(true));

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenA500_whenTheCircuitStaysClosed_thenRetryAfterTheSchedulesDelayAndTheItemAndTenantKnowWhy() {
        Item item = tried();

        assertThat(status(item, 500)).isEqualTo(new AnswerRules.Retry("5xx", now() + 5_000, 0));

        assertThat(item.notBefore).isEqualTo(now() + 5_000);
        assertThat(item.notBeforeSetAt).isEqualTo(now());
        assertThat(item.lastStatus).isEqualTo(500);
        assertThat(item.lastCause).isEqualTo("5xx");
        assertThat(item.lastError).isEqualTo("HTTP 500");
        assertThat(acme.lastError).isEqualTo("HTTP 500");
        assertThat(acme.lastErrorAt).isEqualTo(now());
        assertThat(acme.failed.total(now())).isEqualTo(1);
        assertThat(thisMinute()).isEqualTo(new TenantHistory.Minute(0, 1, null));
    }

    @Test
    void givenTheThirdFailureInARow_thenTheCircuitOpensAndTheItemWaitsForItsProbeTime() {
        status(tried(), 500);
        clock.advance(Duration.ofSeconds(1));
        status(tried(), 500);
        clock.advance(Duration.ofSeconds(1));

        assertThat(status(tried(), 503)).isEqualTo(new AnswerRules.Retry("5xx", now() + 5_000, now() + 5_000));

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.OPEN);
    }

    @Test
    void givenTheProbesFailure_thenItOpensAgainWithTheNextDelayAndTheProbeIsDueThen() {
        for (int i = 0; i < FakeClockCircuit.FAILURES_TO_OPEN; i++) status(tried(), 500);
        clock.advance(Duration.ofSeconds(5));
        assertThat(acme.circuit.mayTry(now())).isTrue();
        Item probe = tried();
        long token = acme.circuit.requestStarted();

        AnswerRules.Next next = answer(probe, CONFIG, acme.circuit.probeEnded(token),
                new AttemptResult.Response(500, null, null));

        assertThat(next).isEqualTo(new AnswerRules.Retry("5xx", now() + 30_000, now() + 30_000));
    }

    @Test
    void givenA401_thenRefusedUntilTheConfigChangesWithNoWaitOfItsOwn() {
        Item item = tried();

        assertThat(status(item, 401)).isEqualTo(new AnswerRules.Refused("4xx"));

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.REFUSED);
        assertThat(item.notBefore).isZero();
        assertThat(((AnswerRules.Failed) status(tried(), 403)).logged()).isEqualTo("parked until the tenant's config changes");
    }

    @Test
    void givenAnswersToAConfigReplacedSince_thenTheyAreRetriedAtOnceAndMoveNoCircuit() {
        TenantConfig old = CONFIG;
        view.apply("acme", Json.write(new TenantConfig(true, "http://acme.example/new", "user", "pw-new")));

        for (int i = 0; i < 2 * FakeClockCircuit.FAILURES_TO_OPEN; i++) {
            assertThat(answer(tried(), old, false, new AttemptResult.Response(500, null, null)))
                    .isEqualTo(new AnswerRules.Retry("5xx", 0, 0));
        }
        assertThat(answer(tried(), old, false, new AttemptResult.Response(401, null, null)))
                .isEqualTo(new AnswerRules.Refused("4xx"));

        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenA400_thenDeadLetteredForItsStatusAndTheCircuitUntouched() {
        AnswerRules.Next next = status(tried(), 400);

        assertThat(next).isEqualTo(new AnswerRules.DeadLetter(DeadLetter.HTTP_STATUS, "not retryable; dead-lettering", 0));
        assertThat(acme.circuit.state()).isEqualTo(TenantCircuit.State.CLOSED);
    }

    @Test
    void givenARequestThatCannotBeMade_thenDeadLetteredAsARequestFailureWithThePasswordMasked() {
        Item malformed = tried();

        AnswerRules.Next next = answer(malformed, CONFIG, false,
                new AttemptResult.Failure(new IllegalArgumentException("bad URL for pw-acme")));

        assertThat(next).isEqualTo(new AnswerRules.DeadLetter(DeadLetter.REQUEST_FAILED, "not retryable; dead-lettering", 0));
        assertThat(malformed.lastStatus).isNull();
        assertThat(malformed.lastError).contains("IllegalArgumentException").doesNotContain("pw-acme");
    }

    @Test
    void givenMaxAttemptsReached_whenTheOpeningFailureComes_thenDeadLetteredAndTheProbeTimeIsStillSet() {
        rules = rules(FakeClockCircuit.FAILURES_TO_OPEN);
        status(tried(), 500);
        status(tried(), 500);
        Item last = tried();
        last.attempts = FakeClockCircuit.FAILURES_TO_OPEN;

        AnswerRules.Next next = status(last, 500);

        assertThat(next).isInstanceOf(AnswerRules.DeadLetter.class);
        assertThat(((AnswerRules.DeadLetter) next).reason()).isEqualTo(DeadLetter.RETRIES_EXHAUSTED);
        assertThat(next.probeAt()).as("the circuit it opened still half opens").isEqualTo(now() + 5_000);
    }
}
