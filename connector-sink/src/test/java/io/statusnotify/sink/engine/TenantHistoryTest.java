package io.statusnotify.sink.engine;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantHistory.Minute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each tenant's hour as the core publishes it ({@link DeliveryCore#history}), through the whole core on a fake clock
 * ({@link EngineFixture}, which starts on a minute's boundary): its answers counted in the minute they came, published
 * with the status rows each second, for the tenants that have a row.
 */
class TenantHistoryTest {
    private static final Duration PUBLISHED = Duration.ofSeconds(1);
    private EngineFixture sink;

    @AfterEach
    void close() {
        if (sink != null) sink.close();
    }

    @Test
    void givenADeliveryOneMinuteAndADeliveryAndAFailureTheNext_thenEachIsCountedInItsMinute() {
        sink = EngineFixture.start().tenants("acme").assign(0);
        sink.notification(0, "acme", "m1", 1);
        sink.step();
        sink.sender.answer(1, 200);
        sink.step();
        sink.advance(Duration.ofMinutes(1));
        sink.notification(0, "acme", "m2", 2);
        sink.notification(0, "acme", "m3", 3);
        sink.step();
        sink.sender.answer(2, 503);
        sink.sender.answer(3, 204);
        sink.step();

        publish();

        TenantHistory hour = sink.core.history("acme").orElseThrow();
        assertThat(hour.startEpochMillis())
                .isEqualTo(EngineFixture.START.plus(Duration.ofMinutes(1)).minus(Duration.ofMinutes(59)).toEpochMilli());
        assertThat(hour.minutes()).hasSize(60);
        assertThat(hour.minutes().get(58)).extracting(Minute::deliveries, Minute::failures).containsExactly(1L, 0L);
        assertThat(hour.minutes().get(58).p99Millis()).isNotNull();
        assertThat(hour.minutes().get(59)).extracting(Minute::deliveries, Minute::failures).containsExactly(1L, 1L);
        assertThat(hour.minutes().subList(0, 58)).containsOnly(Minute.NOTHING);
        assertThat(sink.core.statuses().get(0).deliveredLast5Minutes()).as("the same counts as the status row's")
                .isEqualTo(2);
    }

    @Test
    void givenAConfiguredTenantWithNothingSentYet_thenItsHourIsZeros() {
        sink = EngineFixture.start().tenants("acme").assign(0);

        publish();

        assertThat(sink.core.history("acme").orElseThrow().minutes()).hasSize(60).containsOnly(Minute.NOTHING);
    }

    @Test
    void givenATenantTheSinkDoesNotKnow_thenThereIsNoHistory() {
        sink = EngineFixture.start().tenants("acme").assign(0);

        publish();

        assertThat(sink.core.history("nobody")).isEmpty();
    }

    private void publish() {
        sink.advance(PUBLISHED);
        sink.step();
    }
}
