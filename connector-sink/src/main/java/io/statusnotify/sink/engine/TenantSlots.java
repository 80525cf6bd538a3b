package io.statusnotify.sink.engine;

import io.statusnotify.schema.TenantConfig;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * One tenant's share of {@link SendSlots}: its requests in flight, its concurrency limit and rate cap for the config
 * last sent with, and its lanes waiting for a slot. Only SendSlots changes it (the methods below the readers); the
 * status board and the tenant's idleness read it. Engine thread only.
 */
final class TenantSlots {
    private int inFlight;
    /** Its concurrency limit for the config last sent with; null until its first notification is considered. */
    private TenantLimit limit;
    private TokenBucket bucket;
    /** Lanes whose head may be sent as soon as a slot (tenant, global or rate) frees up, oldest first. */
    private final ArrayDeque<KeyLane> ready = new ArrayDeque<>();
    private boolean waitsForGlobalSlot;
    private boolean rateTimerSet;

    int inFlight() {
        return inFlight;
    }

    /** Its concurrency limit now, or null before its first notification was considered. */
    Integer currentLimit() {
        return limit == null ? null : limit.current();
    }

    /** The lanes waiting for one of its slots, oldest first. */
    List<KeyLane> ready() {
        return List.copyOf(ready);
    }

    boolean waitsForGlobalSlot() {
        return waitsForGlobalSlot;
    }

    /** Nothing in flight and nothing waiting for a slot. */
    boolean isIdle() {
        return inFlight == 0 && ready.isEmpty() && !waitsForGlobalSlot;
    }

    void started() {
        inFlight++;
    }

    void ended() {
        inFlight--;
    }

    /** The limit for {@code config}: the one it has while it applies to that config, else a new one. */
    TenantLimit limit(TenantConfig config, Supplier<TenantLimit> newLimit) {
        if (limit == null || !limit.appliesTo(config)) limit = newLimit.get();
        return limit;
    }

    /** The limit if it applies to {@code config} (answers to an older config feed none), else null. */
    TenantLimit limitOf(TenantConfig config) {
        return limit != null && limit.appliesTo(config) ? limit : null;
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

    void waitForSlot(KeyLane lane) {
        ready.add(lane);
    }

    /** The oldest lane waiting for a slot, taken out; null when none. */
    KeyLane nextReady() {
        return ready.poll();
    }

    /** The lane handed back found no slot again: it goes back to the front, so the oldest waiter keeps its turn. */
    void keepTurn(KeyLane lane) {
        ready.removeLastOccurrence(lane);
        ready.addFirst(lane);
    }

    void withdraw(KeyLane lane) {
        ready.remove(lane);
    }

    /** Returns true when it was not in the queue for a global slot already. */
    boolean joinGlobalQueue() {
        if (waitsForGlobalSlot) return false;
        waitsForGlobalSlot = true;
        return true;
    }

    void leftGlobalQueue() {
        waitsForGlobalSlot = false;
    }

    /** Returns true when no rate timer was set already: the caller sets one and calls {@link #rateTimerRan} from it. */
    boolean setRateTimer() {
        if (rateTimerSet) return false;
        rateTimerSet = true;
        return true;
    }

    void rateTimerRan() {
        rateTimerSet = false;
    }
}
