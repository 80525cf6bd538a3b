package io.statusnotify.sink;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt: exponential from {@code initial}, capped at {@code max}, with "equal
 * jitter" (half fixed, half random) so a fleet of sinks does not retry in lock-step. A server's Retry-After
 * replaces the computed wait, clamped to {@code retryAfterMax}.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final Duration retryAfterMax;
    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1). */
    Backoff(Duration initial, Duration max, Duration retryAfterMax, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.retryAfterMax = retryAfterMax;
        this.random = random;
    }

    /** The wait after failed attempt number {@code attempt} (1 = the first attempt failed). */
    Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(retryAfterMax) > 0 ? retryAfterMax : asked;
        }
        long ceiling = exponential(attempt);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half + 1)));
    }

    private long exponential(int attempt) {
        long maxMillis = max.toMillis();
        long value = initial.toMillis();
        for (int i = 1; i < attempt && value < maxMillis; i++) {
            value *= 2;
        }
        return Math.min(value, maxMillis);
    }
}
