package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' upkeep on the engine thread: every tenant's status and hour's history published for readers on other
 * threads (the admin page, the per-tenant gauges, the console's chart), and the tenants deleted (or never configured)
 * that held nothing for the grace forgotten, with their status row, history and metric series.
 */
final class TenantUpkeep {
    private static final Logger LOG = LoggerFactory.getLogger(TenantUpkeep.class);

    private final TenantStates tenants;
    private final KeyLanes lanes;
    private final TenantConfigView view;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final StatusBoard board = new StatusBoard();

    TenantUpkeep(TenantStates tenants, KeyLanes lanes, TenantConfigView view, SinkMetrics metrics, Clock clock) {
        this.tenants = tenants;
        this.lanes = lanes;
        this.view = view;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A tenant gone and idle for the grace ({@link TenantStates#forgetGone}): its state, status row, history and series
     * go.
     */
    void forgetGone() {
        List<String> forgotten = tenants.forgetGone(clock.millis(), view::hasRecord, lanes.tenants());
        if (forgotten.isEmpty()) return;
        forgotten.forEach(metrics::forget);
        LOG.info("Forgot {} tenant(s) without a config record that held nothing for a while: {}", forgotten.size(),
                forgotten.size() <= 20 ? forgotten : forgotten.subList(0, 20) + " and more");
        publish(); // the page and gauges lose them now, not at the next refresh
    }

    /** Takes every tenant's status and history for readers on other threads ({@link #statuses()}, {@link #history}). */
    void publish() {
        board.refresh(tenants.byName(), lanes.mainLanes(), lanes.retryLanes(), view, clock.millis());
        metrics.tenants(board.current());
    }

    /** The statuses last published; any thread. */
    List<TenantStatus> statuses() {
        return board.current();
    }

    /** The tenant's hour as last published, empty when it has no status row; any thread. */
    Optional<TenantHistory> history(String tenant) {
        return board.history(tenant);
    }
}
