package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.ResponsePolicy;


import io.statusnotify.sink.http.Verdict;

import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's adaptive concurrency limit, on a fake nanosecond clock: every answer is fed with its start, its response
 * time and the requests open at its start, as the dispatcher does; a busy tenant has its whole limit in use.
 */
class TenantLimitTest {
    private static final TenantLimitSettings GRADIENT = new TenantLimitSettings(LimitAlgorithm.GRADIENT, 64, 4);
    private static final TenantLimitSettings AIMD = new TenantLimitSettings(LimitAlgorithm.AIMD, 64, 4);
    private static final TenantLimitSettings FIXED = new TenantLimitSettings(LimitAlgorithm.FIXED, 64, 4);
    private static final TenantConfig CONFIG = new TenantConfig(true, "https://hooks.example.com/acme", "u", "p");

    /** The fake clock: System.nanoTime()'s scale, starting anywhere. */
    private long now = 1_000_000_000L;

    private static TenantLimit limit(TenantLimitSettings settings, int sinkCeiling, TenantConfig config) {
        return new TenantLimit(settings, sinkCeiling, config);
    }

    /** {@code answers} answers of {@code rttMillis} each, one started every {@code everyMicros}, the limit in use. */
    private int answer(TenantLimit limit, int answers, double rttMillis, long everyMicros, boolean lost) {
        int highest = 0;
        for (int i = 0; i < answers; i++) {
            limit.sample(now, (long) (rttMillis * 1_000_000), limit.current(), lost);
            now += TimeUnit.MICROSECONDS.toNanos(everyMicros);
            highest = Math.max(highest, limit.current());
        }
        return highest;
    }

    private int answerFast(TenantLimit limit, int seconds) {
        return answer(limit, seconds * 2_000, 2, 500, false);
    }

    @Test
    void givenAFastReceiverAnswering2xx_whenBusy_thenTheLimitGrowsToTheCeilingAndNoFurther() {
        TenantLimit limit = limit(GRADIENT, 1000, CONFIG);
        assertThat(limit.current()).isEqualTo(64);

        answerFast(limit, 2);
        assertThat(limit.current()).isGreaterThan(64);

        int highest = answerFast(limit, 60);
        assertThat(limit.current()).isEqualTo(1000);
        assertThat(highest).isEqualTo(1000);
    }

    @Test
    void givenAReceiverNotBusy_whenItAnswersFast_thenTheLimitDoesNotGrow() {
        TenantLimit limit = limit(GRADIENT, 1000, CONFIG);

        for (int i = 0; i < 10_000; i++) {
            limit.sample(now, 2_000_000, 3, false); // 3 open of 64: the tenant is not what holds delivery back
            now += 500_000;
        }

        assertThat(limit.current()).isEqualTo(64);
    }

    @Test
    void givenATenantsMaxInFlight_whenItAnswersFast_thenItIsTheCeilingNotTheSinksSetting() {
        TenantConfig capped = new TenantConfig(true, CONFIG.serverUrl(), "u", "p", 100, null);
        TenantLimit limit = limit(GRADIENT, 1000, capped);

        int highest = answerFast(limit, 30);

        assertThat(highest).isEqualTo(100);
        assertThat(limit.ceiling()).isEqualTo(100);
    }

    @Test
    void givenTheSinksCeiling_whenATenantWithoutMaxInFlightAnswersFast_thenTheLimitStopsThere() {
        TenantLimit limit = limit(AIMD, 200, CONFIG);

        assertThat(answerFast(limit, 30)).isEqualTo(200);
    }

    @Test
    void givenACeilingBelowTheInitialLimit_whenMade_thenItStartsAndStaysAtTheCeiling() {
        TenantLimit limit = limit(GRADIENT, 2, CONFIG);

        assertThat(limit.current()).isEqualTo(2);
        assertThat(answerFast(limit, 5)).isEqualTo(2);
        answer(limit, 100, 2, 500, true);
        assertThat(limit.current()).isEqualTo(2);
    }

    @Test
    void givenAReceiverGettingSlower_whenItsLatencyRises_thenTheLimitShrinks() {
        TenantLimit limit = limit(GRADIENT, 1000, CONFIG);
        answerFast(limit, 3);
        int before = limit.current();

        for (double rtt = 2; rtt < 500; rtt *= 1.2) answer(limit, 400, rtt, 500, false);

        assertThat(limit.current()).isLessThan(before * 3 / 4).isGreaterThanOrEqualTo(4);
    }

    @Test
    void givenATenantSteadilySlow_whenItAnswersAfterFiveSecondsEachTime_thenItKeepsTheLimitItNeedsToKeepUp() {
        for (TenantLimitSettings settings : new TenantLimitSettings[] {GRADIENT, AIMD}) {
            TenantLimit limit = limit(settings, 1000, CONFIG);

            answer(limit, 2_000, 5_050, 100_000, false); // 200 s of 5 s answers, 10 started a second

            assertThat(limit.current()).as(settings.algorithm().name()).isGreaterThanOrEqualTo(64);
        }
    }

    @Test
    void givenLosses_whenTheyKeepComing_thenTheLimitShrinksMultiplicativelyToTheMinimumAndNoLower() {
        for (TenantLimitSettings settings : new TenantLimitSettings[] {GRADIENT, AIMD}) {
            TenantLimit limit = limit(settings, 1000, CONFIG);
            answerFast(limit, 5);
            int before = limit.current();

            answer(limit, 5, 2, 500, true);
            assertThat(limit.current()).as(settings.algorithm().name()).isLessThanOrEqualTo((int) (before * 0.9 * 0.9));

            answer(limit, 1_000, 2, 500, true);
            assertThat(limit.current()).as(settings.algorithm().name()).isEqualTo(4);
        }
    }

    @Test
    void givenAShrunkLimit_whenTheTenantAnswersFastAgain_thenItGrowsBack() {
        TenantLimit limit = limit(GRADIENT, 1000, CONFIG);
        answer(limit, 100, 2, 500, true);
        assertThat(limit.current()).isEqualTo(4);

        answerFast(limit, 20);

        assertThat(limit.current()).isGreaterThan(64);
    }

    @Test
    void givenTimeouts429And5xxAndConnectionErrors_whenClassified_thenTheyAreLossesAndRefusalsAndSuccessesAreNot() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        for (AttemptResult loss : new AttemptResult[] {new AttemptResult.Response(429, "Too Many Requests", null),
                new AttemptResult.Response(500, "Internal Server Error", null), new AttemptResult.Response(503, "Unavailable", "5"),
                new AttemptResult.Response(408, "Request Timeout", null),
                new AttemptResult.Failure(new SocketTimeoutException("timeout")),
                new AttemptResult.Failure(new ConnectException("Connection refused"))}) {
            assertThat(TenantLimit.isLoss(ResponsePolicy.classify(loss, now))).as(loss.toString()).isTrue();
        }
        for (AttemptResult notLoss : new AttemptResult[] {new AttemptResult.Response(204, "No Content", null),
                new AttemptResult.Response(401, "Unauthorized", null), new AttemptResult.Response(400, "Bad Request", null)}) {
            assertThat(TenantLimit.isLoss(ResponsePolicy.classify(notLoss, now))).as(notLoss.toString()).isFalse();
        }
    }

    @Test
    void givenTheFixedAlgorithm_whenAnythingHappens_thenTheLimitIsTheCeiling() {
        TenantLimit limit = limit(FIXED, 64, CONFIG);

        answerFast(limit, 5);
        assertThat(limit.current()).isEqualTo(64);
        answer(limit, 100, 2, 500, true);
        assertThat(limit.current()).isEqualTo(64);
        assertThat(limit(FIXED, 64, new TenantConfig(true, CONFIG.serverUrl(), "u", "p", 7, null)).current()).isEqualTo(7);
    }

    @Test
    void givenALimitLearntForOneConfig_whenTheConfigChanges_thenItDoesNotApplyToTheNewOne() {
        TenantLimit limit = limit(GRADIENT, 1000, CONFIG);

        assertThat(limit.appliesTo(new TenantConfig(true, CONFIG.serverUrl(), "u", "p"))).isTrue();
        assertThat(limit.appliesTo(new TenantConfig(true, "https://elsewhere.example.com/acme", "u", "p"))).isFalse();
    }

    @Test
    void givenHalfOpenProbes_whenTheySucceed_thenTheLimitDoesNotGrowButTheirLossesShrinkIt() {
        for (TenantLimitSettings settings : new TenantLimitSettings[] {GRADIENT, AIMD}) {
            TenantLimit probed = limit(settings, 1000, CONFIG);
            TenantLimit answered = limit(settings, 1000, CONFIG);

            for (int i = 0; i < 4_000; i++) {
                probed.answered(new Verdict.Success(), true, now, 2_000_000, probed.current());
                answered.answered(new Verdict.Success(), false, now, 2_000_000, answered.current());
                now += TimeUnit.MICROSECONDS.toNanos(500);
            }

            assertThat(probed.current()).as(settings.toString()).isEqualTo(64);
            assertThat(answered.current()).as(settings.toString()).isGreaterThan(64);
            probed.answered(new Verdict.Retry("5xx", Optional.empty()), true, now, 2_000_000, 1);
            assertThat(probed.current()).as(settings.toString()).isLessThan(64);
            probed.answered(new Verdict.Park("4xx"), true, now, 2_000_000, 1);
            probed.answered(new Verdict.Park("4xx"), false, now, 2_000_000, 1);
            assertThat(probed.current()).as(settings.toString()).isEqualTo(57);
        }
    }
}
