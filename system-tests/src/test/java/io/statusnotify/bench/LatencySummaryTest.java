package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRankOfTheSortedValues() {
        // given 1..100 ms in reverse order
        int[] values = IntStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

        // when
        LatencySummary summary = LatencySummary.of(values, values.length);

        // then
        assertThat(summary).isEqualTo(new LatencySummary(100, 50, 95, 99, 100));
        assertThat(values[0]).as("the caller's array is not sorted in place").isEqualTo(100);
    }

    @Test
    void onlyTheFirstLengthValuesCount() {
        int[] values = {7, 3, 9, 1000, 1000};

        LatencySummary summary = LatencySummary.of(values, 3);

        assertThat(summary).isEqualTo(new LatencySummary(3, 7, 9, 9, 9));
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertThat(LatencySummary.of(new int[]{42}, 1)).isEqualTo(new LatencySummary(1, 42, 42, 42, 42));
    }

    @Test
    void noValuesGiveZeros() {
        assertThat(LatencySummary.of(new int[0], 0)).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
    }

    @Test
    void p99OfAThousandIgnoresTheTenSlowest() {
        // given 990 fast and 10 slow deliveries
        int[] values = IntStream.range(0, 1000).map(i -> i < 990 ? 5 : 500).toArray();

        LatencySummary summary = LatencySummary.of(values, values.length);

        assertThat(summary.p99()).isEqualTo(5);
        assertThat(summary.max()).isEqualTo(500);
    }
}
