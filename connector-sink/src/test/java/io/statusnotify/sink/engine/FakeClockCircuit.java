package io.statusnotify.sink.engine;


import io.statusnotify.sink.http.Verdict;

import io.statusnotify.schema.TenantConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's circuit for its tests, on a fake clock ({@link #now}, in milliseconds): the retry schedule waits 5 s,
 * 30 s, then 2 min (repeating), without jitter; {@link #FAILURES_TO_OPEN} failures in a row open it.
 */
final class FakeClockCircuit {
    static final int FAILURES_TO_OPEN = 3;
    static final RetrySchedule SCHEDULE = new RetrySchedule(new RetrySettings(
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), 0.2, Duration.ofSeconds(60),
            Duration.ofMinutes(5), Duration.ofDays(7), 0), () -> 0.5);
    static final TenantConfig CONFIG = new TenantConfig(true, "https://hooks.example.com/acme", "u", "p");
    static final TenantConfig NEW_CONFIG = new TenantConfig(true, "https://hooks.example.com/acme", "u", "p2");
    static final Verdict.Retry UNAVAILABLE = new Verdict.Retry("5xx", Optional.empty());

    final TenantCircuit circuit = new TenantCircuit(FAILURES_TO_OPEN, SCHEDULE);
    long now = 1_700_000_000_000L;

    static TenantCircuit.Attempt answer() {
        return new TenantCircuit.Attempt(CONFIG, true, false);
    }

    static TenantCircuit.Attempt probe() {
        return new TenantCircuit.Attempt(CONFIG, true, true);
    }

    /** An answer to a config the tenant has replaced since. */
    static TenantCircuit.Attempt oldConfigs(boolean probe) {
        return new TenantCircuit.Attempt(CONFIG, false, probe);
    }

    static Verdict.Retry retryAfter(Duration asked) {
        return new Verdict.Retry("5xx", Optional.of(asked));
    }

    /** A retryable failure of the current config, now. */
    TenantCircuit.Failed fail() {
        return circuit.failed(now, answer(), UNAVAILABLE);
    }

    /** Opened by three failures in a row now: open for the first delay, 5 s. Returns its probe time. */
    long open() {
        fail();
        fail();
        assertThat(fail()).isInstanceOf(TenantCircuit.Opened.class);
        return circuit.openUntil();
    }

    /** Opened, and the clock moved on to its probe time: half open. */
    void halfOpen() {
        now = open();
        assertThat(circuit.mayTry(now)).isTrue();
        assertThat(circuit.state()).isEqualTo(TenantCircuit.State.HALF_OPEN);
    }
}
