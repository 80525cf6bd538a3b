package io.statusnotify.testing;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Waits for an exact number of arrivals (records on a topic, requests at a receiver) and then for a quiet period in
 * which no more arrive. Waiting for "at least n" and looking right away lets a duplicate that arrives a moment
 * later slip by; here it fails the test, at once if it comes before the count is reached.
 */
public final class ExactCount {
    /** How long "no more arrive" must hold after the count is reached; one constant for every exact wait. */
    public static final Duration QUIET_PERIOD = Duration.ofSeconds(1);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** The quiet period's own limit: it ends after {@link #QUIET_PERIOD}, the rest is for slow polls. */
    private static final Duration QUIET_LIMIT = QUIET_PERIOD.plusSeconds(10);

    private ExactCount() {
    }

    /**
     * Waits until {@code count} is {@code expected} (at most {@code timeout}), then until it has stayed so for the
     * quiet period. {@code count} is called on every poll, and may do the reading itself (poll a consumer).
     *
     * @throws AssertionError as soon as {@code count} goes above {@code expected}
     * @throws org.awaitility.core.ConditionTimeoutException when it does not reach {@code expected} in time
     */
    public static void await(String what, int expected, Duration timeout, IntSupplier count) {
        IntSupplier checked = () -> {
            int now = count.getAsInt();
            if (now > expected) {
                throw new AssertionError(what + ": expected exactly " + expected + " but got " + now);
            }
            return now;
        };
        Awaitility.await(what + ": exactly " + expected).atMost(timeout).pollInterval(POLL_INTERVAL)
                .until(() -> checked.getAsInt() == expected);
        Awaitility.await(what + ": still exactly " + expected + " after " + QUIET_PERIOD.toMillis() + " ms")
                .during(QUIET_PERIOD).atMost(QUIET_LIMIT).pollInterval(POLL_INTERVAL)
                .until(() -> checked.getAsInt() == expected);
    }

    /**
     * Waits until {@code count} has not changed for the quiet period (at most {@code timeout}) and returns it. For
     * at-least-once deliveries, where a redelivery is allowed but must be in before the deliveries are counted.
     */
    public static int awaitSettled(String what, Duration timeout, IntSupplier count) {
        AtomicInteger last = new AtomicInteger(count.getAsInt());
        Awaitility.await(what + ": no change for " + QUIET_PERIOD.toMillis() + " ms").during(QUIET_PERIOD)
                .atMost(QUIET_PERIOD.plus(timeout)).pollInterval(POLL_INTERVAL).until(() -> {
                    int now = count.getAsInt();
                    return now == last.getAndSet(now);
                });
        return last.get();
    }
}
