package io.statusnotify.logging;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };

    @Test
    void allowsTheFirstLineThenOncePerIntervalPerKey() {
        Throttle throttle = new Throttle(Duration.ofMinutes(1), clock);

        assertThat(throttle.allow("acme|tenant-disabled")).isTrue();
        assertThat(throttle.allow("acme|tenant-disabled")).isFalse();
        assertThat(throttle.allow("other|tenant-disabled")).isTrue();

        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertThat(throttle.allow("acme|tenant-disabled")).isTrue();
        assertThat(throttle.allow("acme|tenant-disabled")).isFalse();
    }
}
