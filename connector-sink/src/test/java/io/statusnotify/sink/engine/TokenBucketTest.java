package io.statusnotify.sink.engine;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;
    private static final long T0 = 123_456_789_000L;

    private static int takeAllAt(TokenBucket bucket, long nowNanos) {
        int taken = 0;
        while (bucket.tryTake(nowNanos)) taken++;
        return taken;
    }

    @Test
    void aNewBucketAllowsABurstOfItsRate() {
        TokenBucket bucket = new TokenBucket(10, T0);

        assertThat(takeAllAt(bucket, T0)).isEqualTo(10);
        assertThat(bucket.tryTake(T0)).isFalse();
    }

    @Test
    void aRateBelowOneStillAllowsOneRequest() {
        TokenBucket bucket = new TokenBucket(0.5, T0);

        assertThat(takeAllAt(bucket, T0)).isEqualTo(1);
        assertThat(bucket.nanosUntilToken(T0)).isEqualTo(2 * SECOND);
    }

    @Test
    void tokensComeBackAtTheRate() {
        // given an empty bucket refilling 10 a second
        TokenBucket bucket = new TokenBucket(10, T0);
        takeAllAt(bucket, T0);

        // then one token is back after 100 ms, not before
        assertThat(bucket.tryTake(T0 + 99 * MILLI)).isFalse();
        assertThat(bucket.tryTake(T0 + 100 * MILLI)).isTrue();
        assertThat(bucket.tryTake(T0 + 100 * MILLI)).isFalse();
        // and five after another half second
        assertThat(takeAllAt(bucket, T0 + 600 * MILLI)).isEqualTo(5);
    }

    @Test
    void idleTimeDoesNotSaveUpMoreThanOneBurst() {
        TokenBucket bucket = new TokenBucket(10, T0);
        takeAllAt(bucket, T0);

        assertThat(takeAllAt(bucket, T0 + 3_600 * SECOND)).isEqualTo(10);
    }

    @Test
    void nanosUntilTokenIsZeroWhileTokensRemain() {
        TokenBucket bucket = new TokenBucket(10, T0);

        assertThat(bucket.nanosUntilToken(T0)).isZero();
        bucket.tryTake(T0);
        assertThat(bucket.nanosUntilToken(T0)).isZero();
    }

    @Test
    void nanosUntilTokenIsTheTimeUntilTheNextWholeToken() {
        TokenBucket bucket = new TokenBucket(10, T0);
        takeAllAt(bucket, T0);

        assertThat(bucket.nanosUntilToken(T0)).isEqualTo(100 * MILLI);
        assertThat(bucket.nanosUntilToken(T0 + 40 * MILLI)).isBetween(60 * MILLI, 60 * MILLI + 1);
    }

    @Test
    void askingHowLongDoesNotTakeAToken() {
        TokenBucket bucket = new TokenBucket(1, T0);

        assertThat(bucket.nanosUntilToken(T0)).isZero();
        assertThat(bucket.nanosUntilToken(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isTrue();
    }

    @Test
    void waitingTheAnnouncedTimeIsAlwaysEnough() {
        for (double rate : new double[] {0.3, 1, 3, 7, 10, 33.3, 100, 999, 12_345}) {
            // given an emptied bucket
            TokenBucket bucket = new TokenBucket(rate, T0);
            takeAllAt(bucket, T0);
            long now = T0;
            long firstTokenAt = 0;
            for (int i = 0; i < 50; i++) {
                // when waiting exactly as long as announced
                now += bucket.nanosUntilToken(now);

                // then a token is there, and only one
                assertThat(bucket.tryTake(now)).as("rate %s, token %s", rate, i).isTrue();
                assertThat(bucket.tryTake(now)).as("rate %s, token %s twice", rate, i).isFalse();
                if (i == 0) firstTokenAt = now;
            }
            // and the tokens came at the rate (the first one may come early: a fractional burst leaves a part token)
            assertThat((double) (now - firstTokenAt) / SECOND).as("rate %s", rate)
                    .isCloseTo(49 / rate, Percentage.withPercentage(0.01));
        }
    }
}
