package io.statusnotify.sink.engine;

import java.time.Duration;

/**
 * How often the engine sweeps (expired waits, idle connections, gone tenants) and how long a tenant with no config
 * record and nothing held is kept before it is forgotten. A seam, not a setting: tests shorten both. {@code scanHold}
 * delays every retry scan at assignment, so tests can watch what goes on while a long backlog is being counted.
 */
public record Housekeeping(Duration sweepEvery, Duration forgetGoneTenantsAfter, Duration scanHold) {
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    /**
     * Long enough that the status page still shows a just-deleted tenant's last error and final counts, and that
     * Prometheus scrapes its counters' last values; short enough that tenants which come and go do not pile up.
     */
    static final Duration FORGET_GONE_TENANTS_AFTER = Duration.ofMinutes(10);
    public static final Housekeeping DEFAULTS = new Housekeeping(SWEEP_EVERY, FORGET_GONE_TENANTS_AFTER);

    public Housekeeping(Duration sweepEvery, Duration forgetGoneTenantsAfter) {
        this(sweepEvery, forgetGoneTenantsAfter, Duration.ZERO);
    }

    public Housekeeping withScanHold(Duration hold) {
        return new Housekeeping(sweepEvery, forgetGoneTenantsAfter, hold);
    }
}
