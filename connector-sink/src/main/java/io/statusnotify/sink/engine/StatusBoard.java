package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every tenant's status and hour's history, rebuilt on the engine thread every second and read from any thread (the
 * admin page, the per-tenant gauges, the console's chart): the engine's own state is never touched from outside it.
 * The histories are taken for the same tenants as the rows, so a tenant has one exactly when it has a row.
 */
final class StatusBoard {
    private volatile List<TenantStatus> current = List.of();
    private volatile Map<String, TenantHistory> histories = Map.of();

    List<TenantStatus> current() {
        return current;
    }

    /** Empty for a tenant without a status row. */
    Optional<TenantHistory> history(String tenant) {
        return Optional.ofNullable(histories.get(tenant));
    }

    /** Configured tenants and those the engine knows (a deleted one until it is forgotten), by name. */
    void refresh(Map<String, TenantState> tenants, Collection<KeyLane> mainLanes, Collection<KeyLane> retryLanes,
                 TenantConfigView view, long now) {
        Map<String, int[]> waiting = new HashMap<>();
        Map<String, Long> oldest = new HashMap<>();
        Map<String, Boolean> parked = new HashMap<>();
        count(mainLanes, waiting, oldest, parked, false);
        count(retryLanes, waiting, oldest, parked, true);
        Set<String> names = new TreeSet<>(view.tenantNames());
        names.addAll(tenants.keySet());
        List<TenantStatus> statuses = new ArrayList<>(names.size());
        Map<String, TenantHistory> hours = new HashMap<>();
        for (String name : names) {
            TenantState state = tenants.get(name);
            hours.put(name, state == null ? MinuteHistory.quiet(name, now) : state.history.snapshot(name, now));
            Route route = view.route(name);
            Long oldestAt = oldest.get(name);
            statuses.add(new TenantStatus(name, !(route instanceof Route.Drop),
                    state(route, state, parked.getOrDefault(name, false)),
                    route instanceof Route.Drop drop ? drop.reason()
                            : route instanceof Route.Unusable unusable ? unusable.cause() : null,
                    state == null ? 0 : state.slots.inFlight(), waiting.getOrDefault(name, new int[1])[0],
                    state == null ? 0 : state.delivered.total(now), state == null ? 0 : state.failed.total(now),
                    state == null ? null : state.lastError, state == null || state.lastErrorAt == 0 ? null : state.lastErrorAt,
                    oldestAt == null ? null : Math.max(0, now - oldestAt),
                    state == null ? null : state.slots.currentLimit()));
        }
        current = List.copyOf(statuses);
        histories = Collections.unmodifiableMap(hours);
    }

    private static String state(Route route, TenantState state, boolean hasParked) {
        if (route instanceof Route.Drop) return TenantStatus.NOT_SENDING;
        // Nothing is sent with a config whose secrets do not open, as after a refusal.
        if (route instanceof Route.Unusable) return TenantStatus.AUTH_FAILED;
        if (state == null) return TenantStatus.LIVE;
        return switch (state.circuit.state()) {
            case REFUSED -> TenantStatus.AUTH_FAILED;
            case OPEN, HALF_OPEN -> TenantStatus.CIRCUIT_OPEN;
            case CLOSED -> hasParked ? TenantStatus.RETRYING : TenantStatus.LIVE;
        };
    }

    private static void count(Collection<KeyLane> lanes, Map<String, int[]> waiting, Map<String, Long> oldest,
                              Map<String, Boolean> parked, boolean retry) {
        for (KeyLane lane : lanes) {
            int held = lane.items.size() - (lane.state == KeyLane.State.SENDING ? 1 : 0);
            if (lane.items.isEmpty()) continue;
            waiting.computeIfAbsent(lane.tenant, t -> new int[1])[0] += Math.max(0, held);
            oldest.merge(lane.tenant, lane.items.peek().createdAt, Math::min);
            if (retry) parked.put(lane.tenant, true);
        }
    }
}
