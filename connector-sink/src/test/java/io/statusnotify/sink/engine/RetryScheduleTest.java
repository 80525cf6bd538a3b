package io.statusnotify.sink.engine;



import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {
    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));
    private static final Duration THROTTLED_MIN = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER_MAX = Duration.ofMinutes(5);
    private static final Optional<Duration> NO_ADVICE = Optional.empty();

    private static RetrySchedule schedule(double jitter, double random) {
        RetrySettings retry = new RetrySettings(DELAYS, jitter, THROTTLED_MIN, RETRY_AFTER_MAX,
                Duration.ofDays(7), 0);
        return new RetrySchedule(retry, () -> random);
    }

    /** Jitter on, but the random draw lands in the middle: no spread. */
    private static RetrySchedule unjittered() {
        return schedule(0.2, 0.5);
    }

    @Test
    void delaysGrowInOrderAndTheLastOneRepeats() {
        RetrySchedule schedule = unjittered();

        assertThat(schedule.delay(1, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delay(2, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delay(3, false, NO_ADVICE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delay(4, false, NO_ADVICE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delay(1_000, false, NO_ADVICE)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aFailureCountBelowOneWaitsTheFirstDelay() {
        assertThat(unjittered().delay(0, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitterSpreadsEachDelayWithinPlusMinusItsFraction() {
        // lowest draw: the delay shortened by the whole fraction
        assertThat(schedule(0.2, 0.0).delay(1, false, NO_ADVICE)).isEqualTo(Duration.ofMillis(4_000));
        assertThat(schedule(0.2, 0.0).delay(3, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(96));
        // middle draw: unchanged
        assertThat(schedule(0.2, 0.5).delay(2, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(30));
        // highest draw: just under the delay lengthened by the whole fraction
        assertThat(schedule(0.2, 0.999).delay(1, false, NO_ADVICE))
                .isEqualTo(Duration.ofMillis(5_998))
                .isLessThanOrEqualTo(Duration.ofMillis(6_000));
        assertThat(schedule(0.2, 0.999).delay(3, false, NO_ADVICE))
                .isBetween(Duration.ofSeconds(143), Duration.ofSeconds(144));
    }

    @Test
    void withoutJitterEveryDrawGivesTheExactDelay() {
        for (double draw : new double[] {0.0, 0.5, 0.999}) {
            assertThat(schedule(0, draw).delay(2, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void aThrottledFailureWaitsAtLeastTheThrottledMinimum() {
        RetrySchedule schedule = schedule(0.2, 0.999);

        assertThat(schedule.delay(1, true, NO_ADVICE)).isEqualTo(THROTTLED_MIN);
        assertThat(schedule.delay(2, true, NO_ADVICE)).isEqualTo(THROTTLED_MIN);
    }

    @Test
    void aThrottledFailureKeepsALongerJitteredDelay() {
        assertThat(schedule(0.2, 0.0).delay(3, true, NO_ADVICE)).isEqualTo(Duration.ofSeconds(96));
    }

    @Test
    void theThrottledMinimumDoesNotApplyToOtherFailures() {
        assertThat(unjittered().delay(1, false, NO_ADVICE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        assertThat(unjittered().delay(1, false, Optional.of(Duration.ofSeconds(90)))).isEqualTo(Duration.ofSeconds(90));
        assertThat(unjittered().delay(1, true, Optional.of(Duration.ofSeconds(90)))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheWait() {
        RetrySchedule schedule = unjittered();

        assertThat(schedule.delay(2, false, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delay(1, false, Optional.of(Duration.ZERO))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delay(1, true, Optional.of(Duration.ofSeconds(10)))).isEqualTo(THROTTLED_MIN);
    }

    @Test
    void aRetryAfterBeyondTheMaximumIsClampedToIt() {
        RetrySchedule schedule = unjittered();

        assertThat(schedule.delay(1, true, Optional.of(Duration.ofHours(6)))).isEqualTo(RETRY_AFTER_MAX);
        assertThat(schedule.delay(1, false, Optional.of(Duration.ofDays(400)))).isEqualTo(RETRY_AFTER_MAX);
    }
}
