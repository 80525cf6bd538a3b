package io.statusnotify.admin.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows a guesser: after {@link #FREE_FAILURES} failed logins in a row for a user name, or
 * {@link #FREE_FAILURES_PER_ADDRESS} for a client address (many people share one behind a NAT or proxy, and one of
 * them mistyping must not lock the others out), that key is refused without a check for a while that doubles with every further failure, up to
 * {@link #LONGEST}. A successful login clears its user's key (never an address's); failures older than
 * {@link #LONGEST} are forgiven. Thread-safe; the clock is given so tests need no waiting.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    public static final Duration FIRST = Duration.ofSeconds(30);
    public static final Duration LONGEST = Duration.ofMinutes(15);
    /** Keys kept at most; beyond it the oldest are forgotten, so a flood of names cannot fill the heap. */
    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    // In the order keys first failed, so the one dropped at MAX_KEYS is the oldest.
    private final Map<String, Failures> failures = new LinkedHashMap<>();

    private record Failures(int count, Instant blockedUntil, Instant lastFailedAt) {
    }

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code key} must still wait, empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String key) {
        Failures now = failures.get(key);
        if (now == null || now.blockedUntil() == null) return Optional.empty();
        Duration left = Duration.between(clock.instant(), now.blockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public synchronized void failed(String key) {
        failed(key, FREE_FAILURES);
    }

    /** A failure of {@code key}, which is refused once it has failed {@code free} times in a row. */
    public synchronized void failed(String key, int free) {
        if (failures.size() >= MAX_KEYS && !failures.containsKey(key)) {
            Iterator<String> oldest = failures.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        Failures before = failures.get(key);
        // Failures older than the longest wait are forgiven: an address is never cleared by a success.
        boolean forgiven = before == null || before.lastFailedAt().plus(LONGEST).isBefore(clock.instant());
        int count = (forgiven ? 0 : before.count()) + 1;
        Instant blockedUntil = null;
        if (count >= free) {
            int doublings = Math.min(count - free, 10);
            Duration block = FIRST.multipliedBy(1L << doublings);
            blockedUntil = clock.instant().plus(block.compareTo(LONGEST) > 0 ? LONGEST : block);
        }
        failures.put(key, new Failures(count, blockedUntil, clock.instant()));
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }
}
