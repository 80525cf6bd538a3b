package io.statusnotify.console.delivery;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's figures from several sink instances (each holds its partitions' notifications): counts add up, the
 * worst state shows, the latest error and the oldest waiting notification win. A p99 cannot be added: the highest
 * instance's is shown, an upper bound of the whole.
 */
final class InstanceMerge {
    /** Worst first: what an operator must see when any instance has it. */
    private static final List<String> SEVERITY = List.of(TenantStatus.AUTH_FAILED, TenantStatus.CIRCUIT_OPEN,
            TenantStatus.RETRYING, TenantStatus.LIVE, TenantStatus.NOT_SENDING);

    private InstanceMerge() {
    }

    static List<TenantStatus> statuses(Collection<List<TenantStatus>> perInstance) {
        Map<String, TenantStatus> merged = new LinkedHashMap<>();
        for (List<TenantStatus> rows : perInstance) {
            for (TenantStatus row : rows) merged.merge(row.tenant(), row, InstanceMerge::status);
        }
        return List.copyOf(merged.values());
    }

    static TenantStatus status(TenantStatus a, TenantStatus b) {
        TenantStatus worse = rank(a.state()) <= rank(b.state()) ? a : b;
        TenantStatus lastFailed = (a.lastErrorAt() == null ? Long.MIN_VALUE : a.lastErrorAt())
                >= (b.lastErrorAt() == null ? Long.MIN_VALUE : b.lastErrorAt()) ? a : b;
        return new TenantStatus(a.tenant(), a.enabled() || b.enabled(), worse.state(), worse.notSendingBecause(),
                a.inFlight() + b.inFlight(), a.waiting() + b.waiting(),
                a.deliveredLast5Minutes() + b.deliveredLast5Minutes(), a.failedLast5Minutes() + b.failedLast5Minutes(),
                lastFailed.lastError(), lastFailed.lastErrorAt(), max(a.oldestWaitingAgeMillis(), b.oldestWaitingAgeMillis()),
                a.inFlightLimit() == null ? b.inFlightLimit() : b.inFlightLimit() == null ? a.inFlightLimit()
                        : Integer.valueOf(a.inFlightLimit() + b.inFlightLimit()));
    }

    static Optional<TenantHistory> histories(List<TenantHistory> perInstance) {
        if (perInstance.isEmpty()) return Optional.empty();
        TenantHistory newest = perInstance.stream().max((x, y) -> Long.compare(x.startEpochMillis(), y.startEpochMillis()))
                .orElseThrow();
        List<TenantHistory.Minute> minutes = new ArrayList<>(newest.minutes());
        for (TenantHistory other : perInstance) {
            if (other == newest) continue;
            // Instances sampled a few seconds apart may disagree on the current minute: line them up by time.
            int shift = (int) ((newest.startEpochMillis() - other.startEpochMillis()) / newest.minuteMillis());
            for (int i = 0; i < minutes.size(); i++) {
                int j = i + shift;
                if (j >= 0 && j < other.minutes().size()) minutes.set(i, minute(minutes.get(i), other.minutes().get(j)));
            }
        }
        return Optional.of(new TenantHistory(newest.tenant(), newest.startEpochMillis(), newest.minuteMillis(), minutes));
    }

    private static TenantHistory.Minute minute(TenantHistory.Minute a, TenantHistory.Minute b) {
        return new TenantHistory.Minute(a.deliveries() + b.deliveries(), a.failures() + b.failures(),
                max(a.p99Millis(), b.p99Millis()));
    }

    private static int rank(String state) {
        int rank = SEVERITY.indexOf(state);
        return rank < 0 ? SEVERITY.size() : rank;
    }

    private static Long max(Long a, Long b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.max(a, b);
    }
}
