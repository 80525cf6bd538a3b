package io.statusnotify.sink.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tenant's delivery state in the engine: its circuit breaker ({@link TenantCircuit}), its share of the slots
 * ({@link TenantSlots}, {@link SendSlots}' to change), what it has waiting, and its recent counts and last error for
 * its status row and its hour's history. Engine thread only.
 */
final class TenantState {
    static final long NOT_QUIET = -1;

    final String name;
    final TenantCircuit circuit;
    final TenantSlots slots = new TenantSlots();
    /** Moving average of the tenant's response times. */
    double recentLatencyMillis;
    /** Notifications from the notifications topic waiting in this tenant's lanes (not yet sent). */
    int queued;
    /** Retry lanes waiting for the circuit or a not-before time ({@link Wakeups}). */
    final Set<KeyLane> waiting = new LinkedHashSet<>();
    final RecentCounts delivered = new RecentCounts();
    final RecentCounts failed = new RecentCounts();
    /** The same counts minute by minute over the hour, with the deliveries' latencies. */
    final MinuteHistory history = new MinuteHistory();
    /** The last failed attempt's cause in plain words (never a secret), and when. */
    String lastError;
    long lastErrorAt;
    /** Looked up since the last sweep ({@link TenantStates}): a tenant whose notifications keep coming is not forgotten. */
    boolean active = true;
    /** The first sweep that found it gone and quiet, or {@link #NOT_QUIET}. */
    long quietSince = NOT_QUIET;

    TenantState(String name, TenantCircuit circuit) {
        this.name = name;
        this.circuit = circuit;
    }

    /** An attempt answered with a 2xx after {@code latencyMillis}: in the five minutes' count and the hour's history. */
    void countDelivered(long now, long latencyMillis) {
        delivered.add(now);
        history.delivered(now, latencyMillis);
    }

    /** A failed attempt, counted as {@link #countDelivered} counts a delivery. */
    void countFailed(long now) {
        failed.add(now);
        history.failed(now);
    }

    /** A failed attempt's cause (or why its config cannot be used), for its status row. */
    void noteError(String error, long at) {
        lastError = error;
        lastErrorAt = at;
    }

    void observeLatency(double millis) {
        recentLatencyMillis = recentLatencyMillis == 0 ? millis : recentLatencyMillis * 0.9 + millis * 0.1;
    }

    /** Nothing of it in flight or waiting for a slot, a wake-up or a probe: forgetting it loses nothing. */
    boolean isIdle() {
        return slots.isIdle() && queued == 0 && waiting.isEmpty() && !circuit.holdsProbe();
    }

    List<KeyLane> takeWaiting() {
        List<KeyLane> lanes = new ArrayList<>(waiting);
        waiting.clear();
        return lanes;
    }
}
