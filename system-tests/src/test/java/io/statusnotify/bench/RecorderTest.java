package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderTest {
    private static final long START = 1_764_000_000_000L;
    private final Notifications notifications = new Notifications();

    @Test
    void latencyIsArrivalMinusCreationPerArrivalSecond() {
        // given a phase that started at START
        Recorder recorder = new Recorder("sink", START);

        // when two notifications arrive in second 0 and one in second 2
        recorder.record("t1", body("t1", "1", 1, START - 10), START + 5);
        recorder.record("t1", body("t1", "1", 2, START + 100), START + 130);
        recorder.record("t1", body("t1", "1", 3, START + 2000), START + 2500);

        // then
        PhaseResult result = recorder.result(3);
        assertThat(result.delivered()).isEqualTo(3);
        assertThat(result.missing()).isZero();
        assertThat(result.perSecond()).extracting(PhaseResult.SecondStats::deliveries).containsExactly(2, 0, 1);
        assertThat(result.perSecond().get(0).max()).isEqualTo(30);
        assertThat(result.perSecond().get(2).p50()).isEqualTo(500);
        assertThat(result.latency()).isEqualTo(new LatencySummary(3, 30, 500, 500, 500));
        assertThat(result.wallSeconds()).isEqualTo(2.5);
        assertThat(result.throughputPerSecond()).isEqualTo(3 / 2.495);
        assertThat(result.peakPerSecond()).isEqualTo(2);
    }

    @Test
    void aRepeatedSequenceNumIsADuplicateNotADelivery() {
        Recorder recorder = new Recorder("sink", START);

        recorder.record("t1", body("t1", "1", 7, START), START + 1);
        recorder.record("t1", body("t1", "1", 7, START), START + 2);

        PhaseResult result = recorder.result(2);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.requests()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.missing()).isEqualTo(1);
        assertThat(result.orderViolations()).isZero();
    }

    @Test
    void anOlderNotificationOfTheSameUserAfterANewerOneIsAnOrderViolation() {
        Recorder recorder = new Recorder("sink", START);

        recorder.record("t1", body("t1", "1", 5, START), START + 1);
        recorder.record("t1", body("t1", "1", 4, START), START + 2);
        recorder.record("t1", body("t1", "1", 3, START), START + 3);
        recorder.record("t1", body("t1", "1", 6, START), START + 4);

        assertThat(recorder.result(4).orderViolations()).isEqualTo(2);
    }

    @Test
    void orderIsPerUserAndTenant() {
        Recorder recorder = new Recorder("sink", START);

        // different members of one tenant, and the same member id in another tenant, interleave freely
        recorder.record("t1", body("t1", "1", 5, START), START + 1);
        recorder.record("t1", body("t1", "2", 4, START), START + 2);
        recorder.record("t2", body("t2", "1", 3, START), START + 3);

        assertThat(recorder.result(3).orderViolations()).isZero();
    }

    @Test
    void warmUpNotificationsArrivingLateAreNotCounted() {
        // given a phase whose first own notification is number 100
        Recorder recorder = new Recorder("sink", START, 100);

        recorder.record("t1", body("t1", "1", 99, START - 500), START + 1);
        recorder.record("t1", body("t1", "1", 100, START), START + 2);

        PhaseResult result = recorder.result(1);
        assertThat(result.requests()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.latency().max()).isEqualTo(2);
    }

    @Test
    void aBodyWithoutTheFieldsIsCountedAsUnreadable() {
        Recorder recorder = new Recorder("sink", START);

        recorder.record("t1", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8), START);

        PhaseResult result = recorder.result(0);
        assertThat(result.unreadable()).isEqualTo(1);
        assertThat(result.delivered()).isZero();
        assertThat(result.throughputPerSecond()).isZero();
    }

    private byte[] body(String tenant, String member, long seq, long createdMs) {
        return notifications.value(tenant, member, seq, createdMs);
    }
}
