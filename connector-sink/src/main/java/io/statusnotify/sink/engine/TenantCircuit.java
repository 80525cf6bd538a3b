package io.statusnotify.sink.engine;

import io.statusnotify.sink.http.Verdict;

import io.statusnotify.schema.TenantConfig;

/**
 * One tenant's circuit breaker: whether its notifications may be tried, and when a failing tenant is tried again.
 * Only its own methods change it; {@link Wakeups} keeps its timers and waiting lanes and asks it. Engine thread only.
 *
 * <ul>
 *   <li>{@code CLOSED} sends. {@code failuresToOpen} failed attempts in a row (no success between) open it.</li>
 *   <li>{@code OPEN} lets nothing through until {@link #openUntil()} (the retry schedule's delay for its n-th
 *   opening since it last closed, longer when the server asked with Retry-After), then turns {@code HALF_OPEN}.</li>
 *   <li>{@code HALF_OPEN} lets one parked notification through at a time, the probe (nothing else is tried while it
 *   is read again from the retry topic or its request is open): its success closes the circuit, its failure opens
 *   it again with the next, longer delay. Each probe request has its own number ({@link #requestStarted()}): the
 *   circuit may close and half open again while an old probe is still out, and that one's end must not let a second
 *   probe go beside the current one ({@link #probeEnded(long)}).</li>
 *   <li>{@code REFUSED}: the tenant refused us (401/403/410) or its config cannot be used; nothing is tried until
 *   its config record changes ({@link #configChanged}), whatever later answers say.</li>
 * </ul>
 * An answer to a config that has since been replaced says nothing about the tenant as it is now: it moves nothing
 * (see {@link Attempt#current()}), except that any success ends a run of failures.
 */
final class TenantCircuit {
    enum State { CLOSED, OPEN, HALF_OPEN, REFUSED }

    /**
     * One attempt's answer as the circuit sees it: the config it was sent with, whether that is still the tenant's
     * config, and whether it was the half-open probe the circuit waits for ({@link #probeEnded(long)}).
     */
    record Attempt(TenantConfig config, boolean current, boolean probe) {
    }

    /** What a failed attempt did to the circuit. */
    sealed interface Failed {
    }

    /** It opened (again): a probe is due at {@code nextProbeAt}; {@code fromClosed} when it was sending until now. */
    record Opened(long nextProbeAt, long delayMillis, boolean fromClosed) implements Failed {
    }

    /** It stays open longer than planned, as the server's Retry-After asked: the probe is due at {@code nextProbeAt}. */
    record Extended(long nextProbeAt) implements Failed {
    }

    /** Nothing the dispatcher must act on (fewer failures than the threshold, refused, or an old config's answer). */
    record Unchanged() implements Failed {
    }

    private static final Unchanged UNCHANGED = new Unchanged();
    /** What {@link #requestStarted()} returns for a request that is not the probe. */
    static final long NO_PROBE = 0;

    private final int failuresToOpen;
    private final RetrySchedule schedule;
    private State state = State.CLOSED;
    /** Failed attempts since the last success; counted while closed, reset when it closes. */
    private int failuresInARow;
    /** Times opened since last closed: picks the next delay from the schedule. */
    private int openings;
    private long nextProbeAt;
    /** Numbers the probe requests; the one in flight, or {@link #NO_PROBE}. */
    private long probes;
    private long probeInFlight = NO_PROBE;
    /** A notification is being read again from the retry topic while half open: it is the probe. */
    private boolean probeLoading;
    /** The config that failed or was refused (null: one that cannot be used); any other is worth a try at once. */
    private TenantConfig failedWith;
    /** When it last closed: waits set before then are over. */
    private long closedAt;

    /** {@code failuresToOpen} is {@code SNS_CIRCUIT_FAILURES_TO_OPEN}; {@code schedule} gives each opening's delay. */
    TenantCircuit(int failuresToOpen, RetrySchedule schedule) {
        if (failuresToOpen < 1) throw new IllegalArgumentException("failuresToOpen must be at least 1: " + failuresToOpen);
        this.failuresToOpen = failuresToOpen;
        this.schedule = schedule;
    }

    State state() {
        return state;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Nothing of the tenant may be tried until a probe time or a config change. */
    boolean isBlocked() {
        return state == State.OPEN || state == State.REFUSED;
    }

    /** When an open circuit lets its probe through; 0 when it is not open (nothing to wait for). */
    long openUntil() {
        return state == State.OPEN ? nextProbeAt : 0;
    }

    /** Whether it closed (recovered, or had a new config) after {@code millis}: a wait set then is over. */
    boolean closedAfter(long millis) {
        return millis < closedAt;
    }

    /** Open and its probe time has come: it turns half open. Returns whether it did. */
    boolean halfOpenIfDue(long now) {
        if (state != State.OPEN || now < nextProbeAt) return false;
        state = State.HALF_OPEN;
        return true;
    }

    /**
     * Whether a parked notification may be tried now: always when closed; when half open only if no probe is being
     * read again or in flight; never when open (until its probe time: then it turns half open) or refused.
     */
    boolean mayTry(long now) {
        halfOpenIfDue(now);
        return switch (state) {
            case CLOSED -> true;
            case HALF_OPEN -> !probeLoading && probeInFlight == NO_PROBE;
            case OPEN, REFUSED -> false;
        };
    }

    /** Half open with no probe request open (one may be being read again): waiting lanes may take their turn. */
    boolean awaitsProbe() {
        return state == State.HALF_OPEN && probeInFlight == NO_PROBE;
    }

    /** Half open with no probe being read again or in flight: the next parked notification may go as the probe. */
    boolean readyForProbe() {
        return awaitsProbe() && !probeLoading;
    }

    /** A probe is being read again or is in flight: forgetting the tenant now would lose it. */
    boolean holdsProbe() {
        return probeInFlight != NO_PROBE || probeLoading;
    }

    /** A parked notification is read again before it is tried; half open, it is the probe and the others wait. */
    void loadStarted() {
        if (state == State.HALF_OPEN) probeLoading = true;
    }

    /** A notification read again, given up or lost with its partition. Returns whether a probe was being read. */
    boolean loadEnded() {
        boolean was = probeLoading;
        probeLoading = false;
        return was;
    }

    /**
     * A request is sent. Returns its probe number when it is the half-open probe (then nothing else is tried until it
     * ends), else {@link #NO_PROBE}; hand it back to {@link #probeEnded(long)}.
     */
    long requestStarted() {
        if (state != State.HALF_OPEN) return NO_PROBE;
        if (probeInFlight != NO_PROBE || probeLoading) throw new IllegalStateException("a second probe while one is pending");
        probeInFlight = ++probes;
        return probeInFlight;
    }

    /**
     * A request came back with the number {@link #requestStarted()} gave it. Returns whether it is the probe the
     * circuit waits for; an older one (the circuit closed, or was refused, and opened again since it was sent) ends
     * nothing and its answer counts as any other's.
     */
    boolean probeEnded(long probe) {
        if (probe == NO_PROBE || probe != probeInFlight) return false;
        probeInFlight = NO_PROBE;
        return true;
    }

    /** An attempt succeeded. Returns whether that closed an open or half-open circuit (its parked ones go now). */
    boolean succeeded(long now, Attempt attempt) {
        failuresInARow = 0;
        if (!attempt.current() || (state != State.OPEN && state != State.HALF_OPEN)) return false;
        close(now);
        return true;
    }

    /**
     * An attempt failed in a way worth retrying. Closed, the {@code failuresToOpen}-th in a row opens it; a probe's
     * failure opens it again with the next delay; open, a Retry-After longer than the delay extends it. Refused, it
     * stays refused.
     */
    Failed failed(long now, Attempt attempt, Verdict.Retry verdict) {
        if (!attempt.current() || state == State.REFUSED) return UNCHANGED;
        failuresInARow++;
        if (attempt.probe() || (state == State.CLOSED && failuresInARow >= failuresToOpen)) {
            return open(now, attempt.config(), verdict);
        }
        return state == State.OPEN ? extend(now, verdict) : UNCHANGED;
    }

    private Opened open(long now, TenantConfig config, Verdict.Retry verdict) {
        boolean fromClosed = state == State.CLOSED;
        long delay = schedule.delay(openings + 1, verdict.throttled(), verdict.retryAfter()).toMillis();
        state = State.OPEN;
        openings++;
        nextProbeAt = now + delay;
        probeInFlight = NO_PROBE;
        failedWith = config;
        return new Opened(nextProbeAt, delay, fromClosed);
    }

    private Failed extend(long now, Verdict.Retry verdict) {
        if (verdict.retryAfter().isEmpty()) return UNCHANGED;
        long asked = now + schedule.delay(openings, verdict.throttled(), verdict.retryAfter()).toMillis();
        if (asked <= nextProbeAt) return UNCHANGED;
        nextProbeAt = asked;
        return new Extended(asked);
    }

    /** The tenant refused an attempt (401/403/410). Returns whether it was not refused already. */
    boolean refused(Attempt attempt) {
        if (!attempt.current()) return false;
        boolean was = state == State.REFUSED;
        refuse(attempt.config());
        return !was;
    }

    /** The tenant's config cannot be used (a secret that does not open). Returns whether it was not held so already. */
    boolean unusable() {
        if (state == State.REFUSED && failedWith == null) return false;
        refuse(null);
        return true;
    }

    private void refuse(TenantConfig config) {
        state = State.REFUSED;
        failedWith = config;
        probeInFlight = NO_PROBE;
    }

    /**
     * A config record was written: the tenant's own ({@code ownRecord}; writing it again, even unchanged, is how ops
     * say "try now") or the global one, which counts only when the tenant's config ({@code current}) now differs
     * from the one that failed. Returns whether that closed a circuit that was not closed.
     */
    boolean configChanged(long now, TenantConfig current, boolean ownRecord) {
        if (state == State.CLOSED || (!ownRecord && current.equals(failedWith))) return false;
        close(now);
        return true;
    }

    private void close(long now) {
        state = State.CLOSED;
        openings = 0;
        failuresInARow = 0;
        probeInFlight = NO_PROBE;
        failedWith = null;
        closedAt = now;
    }

    @Override
    public String toString() {
        return "TenantCircuit[" + state + (state == State.OPEN ? " until " + nextProbeAt : "") + "]";
    }
}
