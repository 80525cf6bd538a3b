package io.statusnotify.sink.offsets;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DoneRangesTest {

    private static List<String> runs(DoneRanges ranges) {
        List<String> runs = new ArrayList<>();
        ranges.forEachRun((start, end) -> runs.add(start + "-" + end));
        return runs;
    }

    @Test
    void neighbouringOffsetsMergeIntoOneRun() {
        DoneRanges ranges = new DoneRanges();

        ranges.add(5);
        ranges.add(7);
        ranges.add(6);
        ranges.add(10);

        assertThat(runs(ranges)).containsExactly("5-8", "10-11");
        assertThat(ranges.contains(7)).isTrue();
        assertThat(ranges.contains(8)).isFalse();
    }

    @Test
    void aRunSpanningSeveralRunsSwallowsThem() {
        DoneRanges ranges = new DoneRanges();
        ranges.addRun(1, 3);
        ranges.addRun(5, 6);
        ranges.addRun(8, 9);

        ranges.addRun(2, 8);

        assertThat(runs(ranges)).containsExactly("1-9");
    }

    @Test
    void removingBelowAnOffsetCutsTheRunThatSpansIt() {
        DoneRanges ranges = new DoneRanges();
        ranges.addRun(1, 4);
        ranges.addRun(6, 10);

        ranges.removeBelow(8);

        assertThat(runs(ranges)).containsExactly("8-10");
        assertThat(ranges.contains(7)).isFalse();
    }
}
