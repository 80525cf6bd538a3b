package io.statusnotify.sink.engine;

import io.statusnotify.schema.TenantConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tenant's delivery state in the engine: its circuit breaker ({@link TenantCircuit}), what it has in flight and
 * waiting, and its rate cap. Its slots ({@link #inFlight}, {@link #limit}, {@link #readyForSlot}, the rate cap) are
 * {@link SendSlots}' to change. Engine thread only.
 */
final class TenantState {
    static final long NOT_QUIET = -1;

    final String name;
    final TenantCircuit circuit;
    int inFlight;
    /** Its concurrency limit for the config last sent with; null until its first notification is considered. */
    TenantLimit limit;
    /** Moving average of the tenant's response times. */
    double recentLatencyMillis;
    /** Notifications from the notifications topic waiting in this tenant's lanes (not yet sent). */
    int queued;
    /** Lanes whose head may be sent as soon as a slot (tenant, global or rate) frees up, oldest first. */
    final ArrayDeque<KeyLane> readyForSlot = new ArrayDeque<>();
    /** Retry lanes waiting for the circuit or a not-before time. */
    final Set<KeyLane> waiting = new LinkedHashSet<>();
    final RecentCounts delivered = new RecentCounts();
    final RecentCounts failed = new RecentCounts();
    /** The last failed attempt's cause in plain words (never a secret), and when. */
    String lastError;
    long lastErrorAt;
    boolean waitingForGlobalSlot;
    boolean rateTimerSet;
    /** Looked up since the last sweep ({@link TenantStates}): a tenant whose notifications keep coming is not forgotten. */
    boolean active = true;
    /** The first sweep that found it gone and quiet, or {@link #NOT_QUIET}. */
    long quietSince = NOT_QUIET;
    private TokenBucket bucket;

    TenantState(String name, TenantCircuit circuit) {
        this.name = name;
        this.circuit = circuit;
    }

    void observeLatency(double millis) {
        recentLatencyMillis = recentLatencyMillis == 0 ? millis : recentLatencyMillis * 0.9 + millis * 0.1;
    }

    /** Nothing of it in flight or waiting for a slot, a wake-up or a probe: forgetting it loses nothing. */
    boolean isIdle() {
        return inFlight == 0 && queued == 0 && readyForSlot.isEmpty() && waiting.isEmpty() && !waitingForGlobalSlot
                && !circuit.holdsProbe();
    }

    /** A rate cap from the config record, rebuilt when it changes; none when absent. */
    TokenBucket bucket(TenantConfig config, long nowNanos) {
        Double rate = config.maxRequestsPerSecond();
        if (rate == null) {
            bucket = null;
        } else if (bucket == null || bucket.rate() != rate) {
            bucket = new TokenBucket(rate, nowNanos);
        }
        return bucket;
    }

    List<KeyLane> takeWaiting() {
        List<KeyLane> lanes = new ArrayList<>(waiting);
        waiting.clear();
        return lanes;
    }
}
