package io.statusnotify.sink.kafka;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParkedKeysTest {
    private final ParkedKeys parked = new ParkedKeys();

    @Test
    void aKeyWithNothingParkedIsNotHeld() {
        assertThat(parked.has(0, "acme/u1")).isFalse();
        assertThat(parked.keys(0)).isZero();
    }

    @Test
    void aKeyIsHeldUntilEveryParkedNotificationOfItIsFinished() {
        // given two notifications of one key parked
        parked.parked(2, "acme/u1");
        parked.parked(2, "acme/u1");

        // when one finishes, then the key is still held
        parked.finished(2, "acme/u1");
        assertThat(parked.has(2, "acme/u1")).isTrue();

        // when the other finishes, then it is free
        parked.finished(2, "acme/u1");
        assertThat(parked.has(2, "acme/u1")).isFalse();
        assertThat(parked.keys(2)).isZero();
    }

    @Test
    void partitionsAreCountedApart() {
        parked.parked(1, "acme/u1");

        assertThat(parked.has(1, "acme/u1")).isTrue();
        assertThat(parked.has(2, "acme/u1")).isFalse();
        parked.finished(2, "acme/u1");
        assertThat(parked.has(1, "acme/u1")).isTrue();
    }

    @Test
    void loadedCountsHoldTheirKeysAndKeepCounting() {
        // given counts read from the retry topic
        Map<String, Integer> counts = new HashMap<>(Map.of("acme/u1", 2, "acme/u2", 1));
        parked.load(0, counts);
        counts.clear();

        // then they are held, independent of the map handed in
        assertThat(parked.keys(0)).isEqualTo(2);
        assertThat(parked.has(0, "acme/u1")).isTrue();

        // when more is parked and some finished, then the counts follow
        parked.parked(0, "acme/u2");
        parked.finished(0, "acme/u2");
        parked.finished(0, "acme/u1");
        assertThat(parked.has(0, "acme/u2")).isTrue();
        assertThat(parked.has(0, "acme/u1")).isTrue();
        parked.finished(0, "acme/u1");
        assertThat(parked.has(0, "acme/u1")).isFalse();
        assertThat(parked.keys(0)).isEqualTo(1);
    }

    @Test
    void loadingReplacesWhatWasCountedBefore() {
        parked.parked(0, "acme/old");

        parked.load(0, Map.of("acme/new", 1));

        assertThat(parked.has(0, "acme/old")).isFalse();
        assertThat(parked.has(0, "acme/new")).isTrue();
    }

    @Test
    void aForgottenPartitionHoldsNothing() {
        parked.parked(4, "acme/u1");
        parked.parked(5, "acme/u1");

        parked.forget(4);

        assertThat(parked.has(4, "acme/u1")).isFalse();
        assertThat(parked.keys(4)).isZero();
        assertThat(parked.has(5, "acme/u1")).isTrue();
    }

    @Test
    void finishingAKeyThatWasNeverParkedChangesNothing() {
        parked.parked(0, "acme/u1");

        parked.finished(0, "acme/other");
        parked.finished(9, "acme/u1");

        assertThat(parked.has(0, "acme/u1")).isTrue();
        assertThat(parked.has(0, "acme/other")).isFalse();
        assertThat(parked.keys(0)).isEqualTo(1);
    }

    @Test
    void recordsWithoutAKeyShareOneLaneThatNoRealKeyCanTake() {
        assertThat(ParkedKeys.laneKey(null)).isEqualTo(ParkedKeys.laneKey(null));
        assertThat(ParkedKeys.laneKey("acme/u1")).isEqualTo("acme/u1");
        assertThat(ParkedKeys.laneKey(null)).isNotIn("", "null", "no-key");
    }
}
