package io.statusnotify.sink.engine;

import java.time.Duration;
import java.util.List;

/**
 * How parked notifications are tried again.
 *
 * @param delays          {@code SNS_RETRY_DELAYS} (default 5s,30s,2m,10m,30m,1h): the wait before the n-th retry of a
 *                        failing tenant; the last one repeats
 * @param jitter          {@code SNS_RETRY_JITTER} (default 0.2): each wait is spread by ± this fraction
 * @param throttledMinDelay {@code SNS_RETRY_THROTTLED_MIN_DELAY} (default 60s): the least wait after a 429 or a timeout
 * @param retryAfterMax   {@code SNS_RETRY_AFTER_MAX} (default 5m): the longest Retry-After honoured
 * @param maxAge          {@code SNS_RETRY_MAX_AGE} (default 7d): older notifications go to the DLQ
 * @param maxAttempts     {@code SNS_RETRY_MAX_ATTEMPTS} (default 0: no limit, only the max age)
 */
public record RetrySettings(List<Duration> delays, double jitter, Duration throttledMinDelay, Duration retryAfterMax,
                            Duration maxAge, int maxAttempts) {
    /** A notification tried this often is given up ({@code SNS_RETRY_MAX_ATTEMPTS}; never when that is 0). */
    boolean exhausted(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }
}
