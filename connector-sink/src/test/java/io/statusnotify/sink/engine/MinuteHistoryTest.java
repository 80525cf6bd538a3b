package io.statusnotify.sink.engine;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantHistory.Minute;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's hour in one-minute buckets, on a fake clock that starts on a minute's boundary: each count lands in the
 * minute it happened, the list always ends with the minute in progress, and a minute falls off an hour later.
 */
class MinuteHistoryTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final long MINUTE = 60_000;

    private final FakeClock clock = new FakeClock(START);
    private final MinuteHistory history = new MinuteHistory();

    private TenantHistory snapshot() {
        return history.snapshot("acme", clock.millis());
    }

    private Minute minutesAgo(int ago) {
        return snapshot().minutes().get(TenantHistory.MINUTES - 1 - ago);
    }

    private void deliveredIn(long latencyMillis) {
        history.delivered(clock.millis(), latencyMillis);
    }

    @Test
    void givenNothingRecorded_thenTheHourIsSixtyMinutesOfZerosEndingWithTheMinuteInProgress() {
        clock.advance(Duration.ofSeconds(25));

        TenantHistory hour = snapshot();

        assertThat(hour.tenant()).isEqualTo("acme");
        assertThat(hour.minuteMillis()).isEqualTo(60_000);
        assertThat(hour.startEpochMillis()).isEqualTo(START.toEpochMilli() - 59 * MINUTE);
        assertThat(hour.minutes()).hasSize(60).containsOnly(new Minute(0, 0, null));
        assertThat(hour).isEqualTo(MinuteHistory.quiet("acme", clock.millis()));
    }

    @Test
    void givenDeliveriesAndFailuresInOneMinute_thenTheyAreThatMinutesWithTheirP99() {
        clock.advance(Duration.ofSeconds(10));
        deliveredIn(30);
        history.failed(clock.millis());
        clock.advance(Duration.ofSeconds(49));
        deliveredIn(70);

        assertThat(minutesAgo(0)).isEqualTo(new Minute(2, 1, 70L));
        assertThat(snapshot().minutes().subList(0, 59)).containsOnly(Minute.NOTHING);
    }

    @Test
    void givenTheNextMinuteStarts_thenTheLastMinuteKeepsItsCountsAndTheNewOneStartsFromZero() {
        deliveredIn(100);
        history.failed(clock.millis());
        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        history.failed(clock.millis());

        clock.advance(Duration.ofMillis(1));
        TenantHistory hour = snapshot();
        history.failed(clock.millis());

        assertThat(hour.startEpochMillis()).isEqualTo(START.toEpochMilli() - 58 * MINUTE);
        assertThat(hour.minutes().get(58)).isEqualTo(new Minute(1, 2, 100L));
        assertThat(hour.minutes().get(59)).isEqualTo(Minute.NOTHING);
        assertThat(minutesAgo(1)).isEqualTo(new Minute(1, 2, 100L));
        assertThat(minutesAgo(0)).isEqualTo(new Minute(0, 1, null));
    }

    @Test
    void givenEachMinuteItsOwnLatencies_thenEachMinutesP99IsOfItsOwnDeliveriesOnly() {
        for (int i = 0; i < 100; i++) deliveredIn(i < 98 ? 20 : 900);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) deliveredIn(12);
        clock.advance(Duration.ofMinutes(1));
        history.failed(clock.millis());

        assertThat(minutesAgo(2)).isEqualTo(new Minute(100, 0, 900L));
        assertThat(minutesAgo(1)).isEqualTo(new Minute(100, 0, 12L));
        assertThat(minutesAgo(0)).as("failures alone have no latency").isEqualTo(new Minute(0, 1, null));
    }

    @Test
    void givenAMinuteWithDeliveries_whenFiftyNineMinutesPass_thenItIsTheOldestAndOneMinuteLaterItHasFallenOff() {
        deliveredIn(5);

        clock.advance(Duration.ofMinutes(59));
        assertThat(snapshot().minutes().get(0)).isEqualTo(new Minute(1, 0, 5L));

        clock.advance(Duration.ofMinutes(1));
        assertThat(snapshot().minutes()).containsOnly(Minute.NOTHING);
    }

    @Test
    void givenTheMinuteComesRoundAgainAnHourLater_thenItsBucketStartsFromZeroNotFromTheOldCounts() {
        for (int i = 0; i < 5; i++) deliveredIn(800);
        history.failed(clock.millis());

        clock.advance(Duration.ofMinutes(60).plusSeconds(30));
        deliveredIn(3);

        assertThat(minutesAgo(0)).isEqualTo(new Minute(1, 0, 3L));
        assertThat(snapshot().minutes().subList(0, 59)).containsOnly(Minute.NOTHING);
    }

    @Test
    void givenMinutesWithAndWithoutTraffic_thenTheHourListsThemOldestFirstWithZerosBetween() {
        deliveredIn(1);
        clock.advance(Duration.ofMinutes(2));
        history.failed(clock.millis());
        clock.advance(Duration.ofMinutes(2));

        List<Minute> expected = new java.util.ArrayList<>(Collections.nCopies(60, Minute.NOTHING));
        expected.set(55, new Minute(1, 0, 1L));
        expected.set(57, new Minute(0, 1, null));
        assertThat(snapshot().minutes()).containsExactlyElementsOf(expected);
    }

    @Test
    void givenNothingNewWithinTheMinute_thenTheSameSnapshotIsHandedOutAndANewCountMakesANewOne() {
        deliveredIn(10);
        TenantHistory first = snapshot();
        clock.advance(Duration.ofSeconds(5));

        assertThat(snapshot()).isSameAs(first);

        deliveredIn(10);
        assertThat(snapshot()).isNotSameAs(first);
        assertThat(minutesAgo(0).deliveries()).isEqualTo(2);
        assertThat(first.minutes().get(59).deliveries()).as("a snapshot handed out does not change").isEqualTo(1);
    }
}
