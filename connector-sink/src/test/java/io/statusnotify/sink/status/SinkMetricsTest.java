package io.statusnotify.sink.status;

import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.config.Route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.testing.DeclaredNames;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SinkMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SinkMetrics metrics = new SinkMetrics(registry, 2);

    @Test
    void forgettingATenantRemovesItsSeriesAndLeavesTheOthers() {
        for (String tenant : List.of("acme", "gone")) {
            metrics.attempt(tenant);
            metrics.delivered(tenant, 5);
            metrics.failure(tenant, "5xx");
            metrics.parked(tenant, "tenant-failing");
            metrics.deadLettered(tenant, DeadLetter.MAX_AGE);
            metrics.dropped(tenant, Route.UNKNOWN_TENANT);
        }
        metrics.tenants(List.of(status("acme"), status("gone")));

        metrics.forget("gone");
        metrics.tenants(List.of(status("acme")));

        assertThat(tenantSeries("gone")).isEmpty();
        assertThat(tenantSeries("acme")).extracting(m -> m.getId().getName()).contains(SinkMetrics.DELIVERED,
                SinkMetrics.ATTEMPTS, SinkMetrics.FAILURES, SinkMetrics.PARKED, SinkMetrics.DEAD_LETTERED,
                SinkMetrics.DROPPED, SinkMetrics.TENANT_IN_FLIGHT, SinkMetrics.CIRCUIT_STATE);
    }

    @Test
    void givenTenantStatuses_whenPublished_thenEachTenantsConcurrencyLimitIsAGaugeWithADescription() {
        metrics.tenants(List.of(status("acme"), new TenantStatus("idle", true, TenantStatus.LIVE, null, 0, 0, 0, 0,
                null, null, null, null)));

        assertThat(registry.find(SinkMetrics.TENANT_IN_FLIGHT_LIMIT).tag("tenant", "acme").gauge().value()).isEqualTo(64);
        assertThat(registry.find(SinkMetrics.TENANT_IN_FLIGHT_LIMIT).tag("tenant", "idle").gauge().value()).isZero();
        assertThat(registry.find(SinkMetrics.TENANT_IN_FLIGHT_LIMIT).gauge().getId().getDescription()).contains("limit");
    }

    @Test
    void aForgottenTenantThatComesBackCountsFromZero() {
        metrics.delivered("back", 5);
        metrics.delivered("back", 5);
        metrics.forget("back");

        metrics.delivered("back", 5);

        assertThat(count(SinkMetrics.DELIVERED, "back")).isEqualTo(1);
    }

    @Test
    void theFreedTagGoesToATenantCountedAsOtherAndWhatOtherCountedStays() {
        metrics.delivered("a", 5);
        metrics.delivered("gone", 5);
        metrics.delivered("late", 5);
        assertThat(count(SinkMetrics.DELIVERED, TenantTags.OTHER)).isEqualTo(1);

        metrics.forget("gone");
        metrics.delivered("late", 5);

        assertThat(count(SinkMetrics.DELIVERED, "late")).isEqualTo(1);
        assertThat(count(SinkMetrics.DELIVERED, TenantTags.OTHER)).isEqualTo(1);
    }

    @Test
    void forgettingATenantCountedAsOtherKeepsOther() {
        metrics.delivered("a", 5);
        metrics.delivered("b", 5);
        metrics.delivered("folded", 5);

        metrics.forget("folded");

        assertThat(count(SinkMetrics.DELIVERED, TenantTags.OTHER)).isEqualTo(1);
        assertThat(count(SinkMetrics.DELIVERED, "a")).isEqualTo(1);
    }

    @Test
    void givenEveryMeterMoved_whenListed_thenEachMeterOfTheSinkIsThereWithADescription() {
        // The registry /metrics serves (a simple registry adds percentile gauges of its own, without descriptions).
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SinkMetrics all = new SinkMetrics(prometheus, 2);
        all.gauges(() -> 1, () -> 2, () -> 3, () -> 4);
        all.attempt("acme");
        all.delivered("acme", 5);
        all.failure("acme", "5xx");
        all.parked("acme", "tenant-failing");
        all.deadLettered("acme", DeadLetter.RETRIES_EXHAUSTED);
        all.dropped("acme", Route.UNKNOWN_TENANT);
        all.httpLatency(1_000_000);
        all.partitionAssigned("notifications", 0);
        all.partitionRevoked("notifications", 0);
        // The refusal counter is registered by the view's ConfigRefusals, under the name SinkMetrics declares.
        new ConfigRefusals(prometheus, SinkMetrics.CONFIG_REFUSED, NOPLogger.NOP_LOGGER)
                .refused(new ConfigEntry.Invalid("acme", "password.length", "too long"));
        all.tenants(List.of(status("acme")));

        // Each name's meters (every tag combination) describe themselves: /metrics prints it as the family's HELP.
        assertThat(prometheus.getMeters().stream().map(m -> m.getId().getName()).distinct())
                .containsExactlyInAnyOrderElementsOf(DeclaredNames.withPrefix(SinkMetrics.class, "sns."));
        assertThat(prometheus.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getDescription())
                .as("description of %s", meter.getId()).isNotBlank());
    }

    @Test
    void givenPartitionsGivenAndGivenUp_whenCounted_thenEachPartitionOfEachTopicHasItsOwnCount() {
        metrics.partitionAssigned("notifications", 3);
        metrics.partitionAssigned("retry", 3);
        metrics.partitionRevoked("retry", 3);
        metrics.partitionAssigned("retry", 3);

        assertThat(partitionCount(SinkMetrics.PARTITIONS_ASSIGNED, "notifications", "3")).isEqualTo(1);
        assertThat(partitionCount(SinkMetrics.PARTITIONS_ASSIGNED, "retry", "3")).isEqualTo(2);
        assertThat(partitionCount(SinkMetrics.PARTITIONS_REVOKED, "retry", "3")).isEqualTo(1);
        assertThat(registry.find(SinkMetrics.PARTITIONS_REVOKED).tags("topic", "notifications").counter()).isNull();
    }

    private double partitionCount(String name, String topic, String partition) {
        return registry.get(name).tags("topic", topic, "partition", partition).counter().count();
    }

    private List<Meter> tenantSeries(String tenant) {
        return registry.getMeters().stream().filter(m -> tenant.equals(m.getId().getTag("tenant"))).toList();
    }

    private double count(String name, String tenant) {
        Counter counter = registry.find(name).tag("tenant", tenant).counter();
        return counter == null ? 0 : counter.count();
    }

    private static TenantStatus status(String tenant) {
        return new TenantStatus(tenant, true, TenantStatus.LIVE, null, 1, 2, 0, 0, null, null, 1_000L, 64);
    }
}
