package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.kafka.ParkedKeys;

import io.statusnotify.schema.TenantConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * What happens next to a lane's head, as a typed result: asked in turn, the tenant's route (a drop waits until the
 * view is current, {@link ViewWaits}), its circuit, and for a notification of the notifications topic its backlog;
 * whether the slots are free is the sender's to find out ({@link Requests#trySend}). A config that cannot be used
 * turns the tenant's circuit to refused here. The dispatcher carries the step out. Engine thread only.
 */
final class HeadRules {
    private static final Logger LOG = LoggerFactory.getLogger(HeadRules.class);
    static final String CREDENTIALS_UNUSABLE = "credentials-unusable";

    sealed interface Step permits Send, Drop, AwaitView, Park, Wait, Load, Expired {
    }

    /** Sent now with {@code config}, if its slots are free. */
    record Send(TenantConfig config) implements Step {
    }

    /** Not sent, for a config reason: the tenant is unknown, disabled or not allowed. */
    record Drop(String reason) implements Step {
    }

    /** A drop, to be decided again once the view holds what the config topic held when it was read. */
    record AwaitView() implements Step {
    }

    /** Moved to the retry topic for {@code cause}, to wait there until {@code notBefore} (0: no wait of its own). */
    record Park(String cause, long notBefore) implements Step {
    }

    /** A parked one waits for its tenant until {@code until}, or {@link Wakeups#UNTIL_WOKEN}. */
    record Wait(long until) implements Step {
    }

    /** A parked one kept by offset only is read again before it is tried or dead-lettered. */
    record Load() implements Step {
    }

    /** A parked one past its max age or attempts: to the DLQ with {@code reason}. */
    record Expired(String reason) implements Step {
    }

    private static final AwaitView AWAIT_VIEW = new AwaitView();
    private static final Load LOAD = new Load();

    private final TenantConfigView view;
    private final ViewWaits views;
    private final ParkedKeys parked;
    private final SendSlots slots;
    private final LimitSettings limits;
    private final RetrySettings retry;
    private final Clock clock;

    HeadRules(TenantConfigView view, ViewWaits views, ParkedKeys parked, SendSlots slots, LimitSettings limits,
              RetrySettings retry, Clock clock) {
        this.view = view;
        this.views = views;
        this.parked = parked;
        this.slots = slots;
        this.limits = limits;
        this.retry = retry;
        this.clock = clock;
    }

    Step next(KeyLane lane, Item item, TenantState tenant) {
        Route route = view.route(item.tenant);
        if (route instanceof Route.Drop drop) return views.covers(item) ? new Drop(drop.reason()) : AWAIT_VIEW;
        // Null when the tenant's config cannot be used (a secret that does not open): nothing is sent.
        TenantConfig config = route instanceof Route.Send send ? send.target() : null;
        if (route instanceof Route.Unusable unusable) holdUnusable(tenant, unusable);
        if (!lane.fromRetryTopic()) {
            String cause = parkCause(lane, tenant, config);
            return cause == null ? new Send(config) : new Park(cause, tenant.circuit.openUntil());
        }
        String expired = expired(item);
        Wait wait = expired == null ? waitFor(item, tenant) : null;
        if (wait != null) return wait;
        if (!item.isLoaded()) return LOAD;
        return expired != null ? new Expired(expired) : new Send(config);
    }

    /** Why a parked notification is given up (retries exhausted, or older than the max age), or null. */
    String expired(Item item) {
        if (retry.exhausted(item.attempts)) return DeadLetter.RETRIES_EXHAUSTED;
        if (clock.millis() - item.createdAt > retry.maxAge().toMillis()) return DeadLetter.MAX_AGE;
        return null;
    }

    /**
     * A config whose secrets cannot be used is held like a refusal: its notifications wait on the retry topic until
     * the record changes (then {@link Wakeups#configChanged} tries again), and max age still applies.
     */
    private void holdUnusable(TenantState tenant, Route.Unusable unusable) {
        String error = "config cannot be used: " + unusable.cause();
        if (!error.equals(tenant.lastError)) tenant.noteError(error, clock.millis());
        if (!tenant.circuit.unusable()) return;
        LOG.warn("Tenant {}'s config cannot be used ({}); its notifications wait on the retry topic until its config"
                + " record changes", tenant.name, unusable.cause());
    }

    /** Why a notification from the notifications topic must go to the retry topic instead of being sent, or null. */
    private String parkCause(KeyLane lane, TenantState tenant, TenantConfig config) {
        if (parked.has(lane.partition(), lane.key)) return "earlier-parked";
        if (config == null) return CREDENTIALS_UNUSABLE;
        return switch (tenant.circuit.state()) {
            case REFUSED -> "auth-failed";
            case OPEN, HALF_OPEN -> "tenant-failing";
            case CLOSED -> tenant.queued > limits.tenantMaxQueued()
                    || slots.queueWaitMillis(tenant, config) > limits.tenantMaxQueueWait().toMillis() ? "tenant-backlog" : null;
        };
    }

    /**
     * A parked notification may be tried when its tenant's circuit lets it (one probe at a time when half open) and
     * its not-before time has come (null); else it waits, while blocked until woken.
     */
    private Wait waitFor(Item item, TenantState tenant) {
        long now = clock.millis();
        boolean blocked = !tenant.circuit.mayTry(now);
        // A recovery or a new config since the wait was set ends the wait.
        long notBefore = tenant.circuit.closedAfter(item.notBeforeSetAt) ? 0 : item.notBefore;
        if (blocked) return new Wait(Wakeups.UNTIL_WOKEN);
        return now < notBefore ? new Wait(notBefore) : null;
    }
}
