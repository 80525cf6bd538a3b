package io.statusnotify.sink.engine;



import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failing tenant is tried again: the n-th consecutive failure waits {@code delays[n-1]} (the last delay
 * repeats), spread by ± {@code jitter} so a fleet of sinks does not retry in lock-step. A 429 or a timeout waits at
 * least {@code throttledMin}; a server's Retry-After (clamped to {@code retryAfterMax}) is honoured when longer.
 */
final class RetrySchedule {
    private final List<Duration> delays;
    private final double jitter;
    private final Duration throttledMin;
    private final Duration retryAfterMax;
    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1). */
    RetrySchedule(RetrySettings retry, DoubleSupplier random) {
        this.delays = retry.delays();
        this.jitter = retry.jitter();
        this.throttledMin = retry.throttledMinDelay();
        this.retryAfterMax = retry.retryAfterMax();
        this.random = random;
    }

    /** The wait after the {@code failures}-th consecutive failure (1 = the first). */
    Duration delay(int failures, boolean throttled, Optional<Duration> retryAfter) {
        Duration base = delays.get(Math.min(Math.max(failures, 1), delays.size()) - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        Duration wait = Duration.ofMillis(Math.round(base.toMillis() * factor));
        if (throttled && wait.compareTo(throttledMin) < 0) wait = throttledMin;
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(retryAfterMax) > 0 ? retryAfterMax : retryAfter.get();
            if (asked.compareTo(wait) > 0) wait = asked;
        }
        return wait;
    }
}
