package io.statusnotify.sink.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every tenant's {@link TenantState} by name. A tenant that has had no config record, held nothing and seen no
 * notification for the grace is forgotten, so tenants that come and go do not pile up; if it comes back it starts
 * afresh (circuit closed). Engine thread only.
 */
final class TenantStates {
    private final Map<String, TenantState> byName = new HashMap<>();
    private final long forgetAfterMillis;
    private final Supplier<TenantCircuit> newCircuit;

    /** {@code newCircuit} makes a new tenant's circuit (closed), with the sink's threshold and retry schedule. */
    TenantStates(Duration forgetAfter, Supplier<TenantCircuit> newCircuit) {
        this.forgetAfterMillis = forgetAfter.toMillis();
        this.newCircuit = newCircuit;
    }

    /** The tenant's state, created when new; counts as activity (the grace starts again). */
    TenantState get(String name) {
        TenantState tenant = byName.computeIfAbsent(name, n -> new TenantState(n, newCircuit.get()));
        tenant.active = true;
        return tenant;
    }

    /** The tenant's state, or null when it has none (never seen, or forgotten). */
    TenantState find(String name) {
        return byName.get(name);
    }

    Collection<TenantState> all() {
        return byName.values();
    }

    Map<String, TenantState> byName() {
        return Collections.unmodifiableMap(byName);
    }

    int size() {
        return byName.size();
    }

    /**
     * Forgets the tenants that have been gone and quiet for the grace, counted from the first sweep that found them
     * so, and returns their names. Gone: no config record ({@code configured} says). Quiet: nothing in their state, no
     * lane naming them ({@code withLanes}), and no notification since the last sweep. Timers may still hold a
     * forgotten state: they find nothing in it to do.
     */
    List<String> forgetGone(long now, Predicate<String> configured, Set<String> withLanes) {
        List<String> forgotten = new ArrayList<>();
        for (Iterator<TenantState> it = byName.values().iterator(); it.hasNext(); ) {
            TenantState tenant = it.next();
            boolean quiet = !tenant.active && tenant.isIdle() && !withLanes.contains(tenant.name)
                    && !configured.test(tenant.name);
            tenant.active = false;
            if (!quiet) {
                tenant.quietSince = TenantState.NOT_QUIET;
            } else if (tenant.quietSince == TenantState.NOT_QUIET) {
                tenant.quietSince = now;
            } else if (now - tenant.quietSince >= forgetAfterMillis) {
                it.remove();
                forgotten.add(tenant.name);
            }
        }
        return forgotten;
    }
}
