package io.statusnotify.sink.engine;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A minute's p99 from its log-scale buckets: never under the nearest-rank p99, at most a quarter over. */
class LatencyBucketsTest {
    private final LatencyBuckets buckets = new LatencyBuckets();

    @Test
    void givenNothingRecorded_thenThereIsNoPercentile() {
        assertThat(buckets.percentile(0.99)).isNull();
    }

    @Test
    void givenOneLatency_thenItIsThePercentileExactly() {
        buckets.record(1234);

        assertThat(buckets.percentile(0.99)).isEqualTo(1234);
    }

    @Test
    void givenNinetyEightFastAndTwoSlow_thenTheP99IsASlowOneNotAFastOne() {
        for (int i = 0; i < 98; i++) buckets.record(7);
        buckets.record(400);
        buckets.record(400);

        assertThat(buckets.percentile(0.99)).isEqualTo(400);
        assertThat(buckets.percentile(0.5)).isEqualTo(7);
    }

    @Test
    void givenNinetyNineFastAndOneSlow_thenTheP99IsAFastOne() {
        for (int i = 0; i < 99; i++) buckets.record(6);
        buckets.record(5_000);

        assertThat(buckets.percentile(0.99)).isEqualTo(6);
    }

    @Test
    void givenOneToAThousandMillis_thenTheP99IsAtLeastTheExact990AndAtMostAQuarterOver() {
        LongStream.rangeClosed(1, 1000).forEach(buckets::record);

        assertThat(buckets.percentile(0.99)).isBetween(990L, 990L * 5 / 4);
    }

    @Test
    void givenManyLatencies_whenEachIsTheP99_thenItIsReadNeverUnderItNorMoreThanAQuarterOver() {
        for (long fast = 0; fast < 3_000; fast += 7) {
            buckets.clear();
            for (int i = 0; i < 99; i++) buckets.record(fast);
            buckets.record(fast * 3 + 1);

            assertThat(buckets.percentile(0.99)).as("p99 of 99 x %d ms and one slower", fast)
                    .isBetween(fast, fast + fast / 4);
        }
    }

    @Test
    void givenALatencyPastTheLastBucket_thenItIsReadAsTheSlowestSeen() {
        buckets.record(3_600_000);

        assertThat(buckets.percentile(0.99)).isEqualTo(3_600_000);
    }

    @Test
    void givenBucketsCleared_thenTheyStartOverEmpty() {
        buckets.record(500);

        buckets.clear();
        buckets.record(8);

        assertThat(buckets.percentile(0.99)).isEqualTo(8);
    }
}
