package io.statusnotify.sink.engine;


import io.statusnotify.sink.http.Verdict;

import io.statusnotify.schema.TenantConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Whether a lane's head may be sent now: a slot of its tenant's concurrency limit ({@link TenantLimit}), one of the
 * sink's {@code SNS_SINK_MAX_IN_FLIGHT}, and a token of the tenant's rate cap ({@link TokenBucket}). A lane that finds
 * one missing waits here; as slots free up (or a token is due) the waiting lanes are handed back to {@code tryLane}
 * in turn: freed global slots first to the tenants that waited for one, in the order they started waiting, before
 * anyone else; within a tenant its oldest waiting lane first, and one that still finds no slot keeps its turn. Each
 * tenant's counts and queue are its {@link TenantSlots} (its idleness and status read them); only this class changes them.
 * Engine thread only.
 */
final class SendSlots {
    private final LimitSettings limits;
    private final Clock clock;
    private final Timers timers;
    private final Consumer<KeyLane> tryLane;
    /** Tenants with a lane waiting for a global slot, in the order they found none. */
    private final ArrayDeque<TenantState> waitingForGlobalSlot = new ArrayDeque<>();
    /** The tenant being handed freed global slots: the others waiting for one do not go before it. */
    private TenantState grantedGlobalSlot;
    private int inFlight;

    /** {@code tryLane} works a lane handed back (its state {@link KeyLane.State#IDLE}), which may take a slot again. */
    SendSlots(LimitSettings limits, Clock clock, Timers timers, Consumer<KeyLane> tryLane) {
        this.limits = limits;
        this.clock = clock;
        this.timers = timers;
        this.tryLane = tryLane;
    }

    /**
     * True when the lane's head may be sent now: its slots and token are taken. Otherwise false, and the lane waits
     * ({@link KeyLane.State#WAITING_FOR_SLOT}) until it is handed back.
     */
    boolean take(KeyLane lane, TenantState tenant, TenantConfig config) {
        TenantSlots own = tenant.slots;
        boolean noSlot = own.inFlight() >= limit(tenant, config);
        boolean othersWaitFirst = !waitingForGlobalSlot.isEmpty() && grantedGlobalSlot != tenant;
        if (!noSlot && (inFlight >= limits.maxInFlight() || othersWaitFirst)) {
            noSlot = true;
            if (own.joinGlobalQueue()) waitingForGlobalSlot.add(tenant);
        }
        long now = clockNanos();
        TokenBucket bucket = noSlot ? null : own.bucket(config, now);
        if (bucket != null && !bucket.tryTake(now)) {
            noSlot = true;
            if (own.setRateTimer()) {
                long waitMillis = Math.max(1, bucket.nanosUntilToken(now) / 1_000_000);
                timers.at(clock.millis() + waitMillis, () -> {
                    own.rateTimerRan();
                    releaseTenant(tenant);
                });
            }
        }
        if (noSlot) {
            lane.state = KeyLane.State.WAITING_FOR_SLOT;
            own.waitForSlot(lane);
            return false;
        }
        own.started();
        inFlight++;
        return true;
    }

    /** The rate cap keeps the engine's time (its timers wake the waiting lanes), not the HTTP latency's nanoTime. */
    private long clockNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A request taken with {@link #take} ended: its slots are free, for {@link #release} to hand on. */
    void ended(TenantState tenant) {
        tenant.slots.ended();
        inFlight--;
    }

    /** Feeds the tenant's limit, only with answers to the config it applies to ({@link TenantLimit#answered}). */
    void answered(TenantState tenant, TenantConfig config, Verdict verdict, boolean probe, long startedAt, long nanos,
                  int openAtStart) {
        TenantLimit limit = tenant.slots.limitOf(config);
        if (limit != null) limit.answered(verdict, probe, startedAt, nanos, openAtStart);
    }

    /** After a request of {@code tenant} ended: freed global slots to those that waited for one, then its own lanes. */
    void release(TenantState tenant) {
        releaseGlobalSlots();
        releaseTenant(tenant);
    }

    /** The tenant's waiting lanes, oldest first, until one finds no slot: that one keeps its turn. */
    void releaseTenant(TenantState tenant) {
        for (KeyLane lane; (lane = tenant.slots.nextReady()) != null; ) {
            lane.state = KeyLane.State.IDLE;
            tryLane.accept(lane);
            if (lane.state == KeyLane.State.WAITING_FOR_SLOT) {
                tenant.slots.keepTurn(lane);
                return;
            }
        }
    }

    private void releaseGlobalSlots() {
        while (inFlight < limits.maxInFlight() && !waitingForGlobalSlot.isEmpty()) {
            TenantState tenant = waitingForGlobalSlot.poll();
            tenant.slots.leftGlobalQueue();
            grantedGlobalSlot = tenant;
            releaseTenant(tenant);
            grantedGlobalSlot = null;
        }
    }

    /** The lane waits no more (its partition was revoked). */
    void withdraw(TenantState tenant, KeyLane lane) {
        tenant.slots.withdraw(lane);
    }

    /** The tenant's current concurrency limit for this config (a new config starts a new limit: see {@link TenantLimit}). */
    int limit(TenantState tenant, TenantConfig config) {
        return tenant.slots.limit(config,
                () -> new TenantLimit(limits.tenantLimits(), limits.tenantMaxInFlight(), config)).current();
    }

    /**
     * How long the tenant's waiting notifications will take at its recent pace: a slow tenant is told from a busy one
     * by this, not by its queue's length (a fast tenant may have thousands waiting for a fraction of a second).
     */
    long queueWaitMillis(TenantState tenant, TenantConfig config) {
        int limit = limit(tenant, config);
        Double rate = config.maxRequestsPerSecond();
        double perSecond = limit * 1000.0 / Math.max(1, tenant.recentLatencyMillis);
        if (rate != null) perSecond = Math.min(perSecond, rate);
        return (long) (Math.max(0, tenant.queued - limit) * 1000.0 / perSecond);
    }

    /** Requests in flight, all tenants. */
    int inFlight() {
        return inFlight;
    }
}
