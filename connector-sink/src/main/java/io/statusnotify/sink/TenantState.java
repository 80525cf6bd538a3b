package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tenant's delivery state in the engine: its circuit breaker, what it has in flight and waiting, and its rate
 * cap. Engine thread only.
 *
 * <p>Circuit: {@code CLOSED} sends; {@code OPEN} sends nothing until {@code nextProbeAt}; then {@code HALF_OPEN}
 * lets exactly one parked notification through as a probe (success closes, failure opens again with the next
 * longer delay); {@code AUTH_FAILED} (401/403/410) sends nothing until the tenant's config record changes.
 */
final class TenantState {
    enum Circuit { CLOSED, OPEN, HALF_OPEN, AUTH_FAILED }

    static final long NOT_QUIET = -1;

    final String name;
    Circuit circuit = Circuit.CLOSED;
    /** Failed attempts since the last success; the circuit opens at {@code SNS_CIRCUIT_FAILURES_TO_OPEN}. */
    int failuresInARow;
    /** Times opened since last closed: picks the next delay from {@code SNS_RETRY_DELAYS}. */
    int openings;
    long nextProbeAt;
    boolean probeInFlight;
    /** The half-open probe's record is being read again from the retry topic. */
    boolean probeLoading;
    /** The config that failed or was refused (401/403/410); any other config is worth a try at once. */
    TenantConfig failedWith;
    /** When the circuit last closed: waits set before then are over. */
    long resetAt;
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

    TenantState(String name) {
        this.name = name;
    }

    void observeLatency(double millis) {
        recentLatencyMillis = recentLatencyMillis == 0 ? millis : recentLatencyMillis * 0.9 + millis * 0.1;
    }

    /** Nothing of it may be tried until a probe time or a config change. */
    boolean isBlocked() {
        return circuit == Circuit.OPEN || circuit == Circuit.AUTH_FAILED;
    }

    /** Nothing of it in flight or waiting for a slot, a wake-up or a probe: forgetting it loses nothing. */
    boolean isIdle() {
        return inFlight == 0 && queued == 0 && readyForSlot.isEmpty() && waiting.isEmpty() && !waitingForGlobalSlot
                && !probeInFlight && !probeLoading;
    }

    boolean isClosed() {
        return circuit == Circuit.CLOSED;
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

    void opened(long probeAt, TenantConfig config) {
        circuit = Circuit.OPEN;
        openings++;
        nextProbeAt = probeAt;
        probeInFlight = false;
        failedWith = config;
    }

    void closed(long now) {
        circuit = Circuit.CLOSED;
        openings = 0;
        failuresInARow = 0;
        probeInFlight = false;
        failedWith = null;
        resetAt = now;
    }

    void refused(TenantConfig config) {
        circuit = Circuit.AUTH_FAILED;
        failedWith = config;
        probeInFlight = false;
    }

    List<KeyLane> takeWaiting() {
        List<KeyLane> lanes = new ArrayList<>(waiting);
        waiting.clear();
        return lanes;
    }
}
