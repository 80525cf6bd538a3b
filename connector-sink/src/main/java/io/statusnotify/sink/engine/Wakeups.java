package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.config.TenantConfigView;

import io.statusnotify.schema.GlobalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * When a retry lane that waits for its tenant ({@link KeyLane.State#WAITING_FOR_TENANT}, in
 * {@link TenantState#waiting}) goes on: at its not-before time; when the tenant's probe is due (then one lane goes as
 * the probe, the others keep waiting); when a probe ended without settling the circuit; when the circuit closed
 * (recovered, or a config record was written); and when its notification is past its max age (the sweep). A woken
 * lane is handed back to {@code advance}, which decides again. Engine thread only.
 */
final class Wakeups {
    private static final Logger LOG = LoggerFactory.getLogger(Wakeups.class);
    /** {@link #await}: no time of its own; the circuit's probe or a config change wakes it. */
    static final long UNTIL_WOKEN = 0;

    private final Clock clock;
    private final Timers timers;
    private final TenantStates tenants;
    private final TenantConfigView view;
    private final SendSlots slots;
    private final Consumer<KeyLane> advance;

    Wakeups(Clock clock, Timers timers, TenantStates tenants, TenantConfigView view, SendSlots slots,
            Consumer<KeyLane> advance) {
        this.clock = clock;
        this.timers = timers;
        this.tenants = tenants;
        this.view = view;
        this.slots = slots;
        this.advance = advance;
    }

    /** The lane waits for its tenant until {@code until} (epoch ms), or {@link #UNTIL_WOKEN}. */
    void await(KeyLane lane, TenantState tenant, long until) {
        lane.state = KeyLane.State.WAITING_FOR_TENANT;
        tenant.waiting.add(lane);
        if (until != UNTIL_WOKEN) timers.at(until, () -> wake(lane, tenant));
    }

    /** The tenant's circuit opened, or stays open longer: at {@code probeAt} it half opens (0: no new time). */
    void probeAt(TenantState tenant, long probeAt) {
        if (probeAt != 0) timers.at(probeAt, () -> probeDue(tenant));
    }

    private void probeDue(TenantState tenant) {
        if (!tenant.circuit.halfOpenIfDue(clock.millis())) return;
        for (KeyLane lane : tenant.takeWaiting()) {
            if (!tenant.circuit.awaitsProbe()) {
                tenant.waiting.add(lane); // an earlier one went as the probe
            } else {
                handBack(lane);
            }
        }
    }

    /** Every waiting lane of the tenant goes on (its circuit closed, say). */
    void wakeAll(TenantState tenant) {
        tenant.takeWaiting().forEach(this::handBack);
    }

    /** Half open with no probe request open (the last one ended without an answer either way): the next may go. */
    void ifAwaitsProbe(TenantState tenant) {
        if (tenant.circuit.awaitsProbe()) wakeAll(tenant);
    }

    /** Half open with no probe read again or in flight (one was dead-lettered or lost, say): the next may go. */
    void ifProbeEnded(TenantState tenant) {
        if (tenant.circuit.readyForProbe()) wakeAll(tenant);
    }

    /** The sweep: lanes whose head is {@code expired} go on now (to the DLQ), not when their tenant recovers. */
    void wakeExpired(Predicate<Item> expired) {
        for (TenantState tenant : tenants.all()) {
            for (KeyLane lane : List.copyOf(tenant.waiting)) {
                if (!lane.items.isEmpty() && expired.test(lane.items.peek())) wake(lane, tenant);
            }
        }
    }

    /**
     * A config record was written for the tenant (or, for {@code __global__}, for every tenant). The tenant's own new
     * record ends a failure state at once, even when it is the same as before (writing it again is how ops say "try
     * now"); a global record ends it only for a tenant whose config now differs from the one that failed. Its waiting
     * lanes go on either way: a disabled or deleted tenant's are dropped, the others decided again.
     */
    void configChanged(String tenantName) {
        if (GlobalSettings.KEY.equals(tenantName)) {
            List.copyOf(tenants.all()).forEach(tenant -> reconsider(tenant, false));
            return;
        }
        TenantState tenant = tenants.find(tenantName);
        if (tenant != null) reconsider(tenant, true);
    }

    private void reconsider(TenantState tenant, boolean ownRecord) {
        if (view.route(tenant.name) instanceof Route.Send send
                && tenant.circuit.configChanged(clock.millis(), send.target(), ownRecord)) {
            LOG.info("Tenant {} has a new config record; trying its parked notifications now", tenant.name);
        }
        wakeAll(tenant);
        slots.releaseTenant(tenant);
    }

    private void wake(KeyLane lane, TenantState tenant) {
        if (lane.state == KeyLane.State.WAITING_FOR_TENANT && tenant.waiting.remove(lane)) handBack(lane);
    }

    private void handBack(KeyLane lane) {
        lane.state = KeyLane.State.IDLE;
        advance.accept(lane);
    }
}
