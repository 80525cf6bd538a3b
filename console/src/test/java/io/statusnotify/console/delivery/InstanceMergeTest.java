package io.statusnotify.console.delivery;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceMergeTest {
    private static TenantStatus row(String tenant, String state, int waiting, long delivered, String error, Long errorAt, Long oldest) {
        return new TenantStatus(tenant, true, state, null, 1, waiting, delivered, 1, error, errorAt, oldest, 8);
    }

    @Test
    void givenATenantOnTwoInstancesCountsAddUpAndTheWorstStateAndLatestErrorShow() {
        List<TenantStatus> one = List.of(row("acme", TenantStatus.LIVE, 2, 10, "HTTP 503", 1_000L, 50L));
        List<TenantStatus> two = List.of(row("acme", TenantStatus.CIRCUIT_OPEN, 3, 5, "timeout", 2_000L, 900L),
                row("globex", TenantStatus.LIVE, 0, 1, null, null, null));

        List<TenantStatus> merged = InstanceMerge.statuses(List.of(one, two));

        assertThat(merged).extracting(TenantStatus::tenant).containsExactly("acme", "globex");
        TenantStatus acme = merged.get(0);
        assertThat(acme.state()).isEqualTo(TenantStatus.CIRCUIT_OPEN);
        assertThat(acme.waiting()).isEqualTo(5);
        assertThat(acme.deliveredLast5Minutes()).isEqualTo(15);
        assertThat(acme.failedLast5Minutes()).isEqualTo(2);
        assertThat(acme.lastError()).isEqualTo("timeout");
        assertThat(acme.oldestWaitingAgeMillis()).isEqualTo(900L);
        assertThat(acme.inFlightLimit()).isEqualTo(16);
    }

    @Test
    void givenHoursOfTwoInstancesAMinuteApartTheyAreAddedMinuteByMinute() {
        TenantHistory earlier = hour(60_000L * 100, 7, 1, 40L);
        TenantHistory later = hour(60_000L * 101, 3, 0, 90L);

        TenantHistory merged = InstanceMerge.histories(List.of(earlier, later)).orElseThrow();

        assertThat(merged.startEpochMillis()).isEqualTo(60_000L * 101);
        // earlier's last minute (index 59) is later's minute 58
        assertThat(merged.minutes().get(58)).isEqualTo(new TenantHistory.Minute(7, 1, 40L));
        assertThat(merged.minutes().get(59)).isEqualTo(new TenantHistory.Minute(3, 0, 90L));
        assertThat(InstanceMerge.histories(List.of())).isEmpty();
    }

    private static TenantHistory hour(long start, long deliveries, long failures, Long p99) {
        List<TenantHistory.Minute> minutes = new ArrayList<>(Collections.nCopies(TenantHistory.MINUTES - 1, TenantHistory.Minute.NOTHING));
        minutes.add(new TenantHistory.Minute(deliveries, failures, p99));
        return new TenantHistory("acme", start, TenantHistory.MINUTE_MILLIS, minutes);
    }
}
