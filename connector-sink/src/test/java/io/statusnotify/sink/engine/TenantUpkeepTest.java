package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.status.TenantStatus;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing the tenants' status and forgetting the gone ones, on a fake clock: {@code acme} is configured, {@code gone}
 * has no config record; a tenant gone and quiet is forgotten {@link #GRACE} after the first sweep that found it so.
 */
class TenantUpkeepTest {
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration SWEEP = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SinkMetrics metrics = new SinkMetrics(registry, 100);
    private final TenantStates tenants = new TenantStates(GRACE, () -> new TenantCircuit(3, FakeClockCircuit.SCHEDULE));
    private final KeyLanes lanes = new KeyLanes();
    private final TenantConfigView view = DispatcherFixture.emptyView(new SimpleMeterRegistry());
    private final TenantUpkeep upkeep = new TenantUpkeep(tenants, lanes, view, metrics, clock);

    TenantUpkeepTest() {
        view.apply("acme", Json.write(DispatcherFixture.configOf("acme")));
        for (String tenant : List.of("acme", "gone")) {
            tenants.get(tenant);
            metrics.attempt(tenant);
        }
    }

    private List<String> listed() {
        return upkeep.statuses().stream().map(TenantStatus::tenant).toList();
    }

    private List<Meter> seriesOf(String tenant) {
        return registry.getMeters().stream().filter(m -> tenant.equals(m.getId().getTag("tenant"))).toList();
    }

    /** Sweeps every {@link #SWEEP} for {@code total}. */
    private void sweepFor(Duration total) {
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(SWEEP)) {
            clock.advance(SWEEP);
            upkeep.forgetGone();
        }
    }

    @Test
    void givenNothingPublishedYet_whenPublished_thenEveryConfiguredOrKnownTenantHasItsRowForAnyThread() {
        assertThat(upkeep.statuses()).isEmpty();

        upkeep.publish();

        assertThat(listed()).containsExactly("acme", "gone");
        assertThat(upkeep.statuses().get(0).state()).isEqualTo(TenantStatus.LIVE);
    }

    @Test
    void givenAGoneTenantThatHeldNothing_whenTheGraceHasPassed_thenItsStateRowAndSeriesGoAtOnceAndTheOthersStay() {
        upkeep.publish();
        sweepFor(GRACE);
        assertThat(tenants.find("gone")).as("within the grace").isNotNull();

        sweepFor(SWEEP.multipliedBy(2));

        assertThat(tenants.find("gone")).isNull();
        assertThat(listed()).as("published as it was forgotten").containsExactly("acme");
        assertThat(seriesOf("gone")).isEmpty();
        assertThat(seriesOf("acme")).isNotEmpty();
    }

    @Test
    void givenAGoneTenantWhoseLaneStillHoldsANotification_thenItIsKept() {
        Items items = new Items();
        KeyLane lane = items.add(items.retry, "gone", "u1", 1, clock.millis());
        lanes.add(items.retry, lane.items.peek().key, lane.items.peek());

        sweepFor(GRACE.multipliedBy(2));

        assertThat(tenants.find("gone")).isNotNull();
        assertThat(seriesOf("gone")).isNotEmpty();
    }
}
