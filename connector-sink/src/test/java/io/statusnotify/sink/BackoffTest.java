package io.statusnotify.sink;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER_MAX = Duration.ofMinutes(5);

    private static Backoff withRandom(double value) {
        return new Backoff(INITIAL, MAX, RETRY_AFTER_MAX, () -> value);
    }

    @Test
    void growsExponentiallyFromTheInitialBackoff() {
        Backoff highest = withRandom(0.999999);
        assertThat(highest.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.delay(2, Optional.empty())).isEqualTo(Duration.ofMillis(1000));
        assertThat(highest.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void equalJitterKeepsAtLeastHalfTheCeiling() {
        assertThat(withRandom(0).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void neverExceedsTheMaximumEvenAfterManyAttempts() {
        Random random = new Random(42);
        Backoff backoff = new Backoff(INITIAL, MAX, RETRY_AFTER_MAX, random::nextDouble);
        for (int attempt = 1; attempt <= 200; attempt++) {
            Duration delay = backoff.delay(attempt, Optional.empty());
            assertThat(delay).isBetween(Duration.ofMillis(250), MAX);
        }
        assertThat(backoff.delay(Integer.MAX_VALUE, Optional.empty())).isBetween(MAX.dividedBy(2), MAX);
    }

    @Test
    void jitterSpreadsTheWaits() {
        Random random = new Random(7);
        Backoff backoff = new Backoff(INITIAL, MAX, RETRY_AFTER_MAX, random::nextDouble);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.delay(5, Optional.empty())).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void aServersRetryAfterReplacesTheComputedWaitButIsClamped() {
        Backoff backoff = withRandom(0.5);
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(90)))).isEqualTo(Duration.ofSeconds(90));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(2)))).isEqualTo(RETRY_AFTER_MAX);
    }
}
