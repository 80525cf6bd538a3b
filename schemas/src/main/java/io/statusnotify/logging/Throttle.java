package io.statusnotify.logging;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says when a repeated log line may be written again: the first time for a key, then at most once per interval.
 * Ops see every kind of problem without one busy tenant flooding the log. Thread-safe; the number of keys it
 * remembers is bounded (forgetting them all only means logging once more).
 */
public final class Throttle {
    private static final int MAX_KEYS = 10_000;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Long> lastAllowed = new ConcurrentHashMap<>();

    public Throttle(Duration interval) {
        this(interval, Clock.systemUTC());
    }

    Throttle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    public boolean allow(String key) {
        if (lastAllowed.size() >= MAX_KEYS) {
            lastAllowed.clear();
        }
        long now = clock.millis();
        boolean[] allowed = {false};
        lastAllowed.compute(key, (k, last) -> {
            if (last == null || now - last >= interval.toMillis()) {
                allowed[0] = true;
                return now;
            }
            return last;
        });
        return allowed[0];
    }
}
