package io.statusnotify.sink.engine;

import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantStatus;

import io.micrometer.core.instrument.Meter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forgetting a tenant whose config record was deleted, through the whole core ({@link EngineFixture}): the engine's
 * sweep timer finds it gone and idle, and after {@link Housekeeping#FORGET_GONE_TENANTS_AFTER} its status row, its
 * hour's history and its metric series go, while the other tenant's stay.
 */
class GoneTenantsTest {
    private static final Duration SWEEP = Housekeeping.SWEEP_EVERY;
    private static final Duration GRACE = Housekeeping.FORGET_GONE_TENANTS_AFTER;
    private EngineFixture sink;

    @AfterEach
    void close() {
        if (sink != null) sink.close();
    }

    @Test
    void givenATenantDeletedAndIdle_whenTheGraceHasPassed_thenItsStatusRowHistoryAndEverySeriesOfItAreGone() {
        sink = EngineFixture.start().tenants("acme", "gone").assign(0);
        sink.notification(0, "acme", "m1", 1);
        sink.notification(0, "gone", "m2", 2);
        sink.step();
        sink.sender.answer(1, 200);
        sink.sender.answer(2, 200);
        sink.step();
        sweepFor(SWEEP);
        assertThat(tenants()).containsExactly("acme", "gone");
        assertThat(seriesOf("gone")).isNotEmpty();

        sink.view.apply("gone", null);
        sweepFor(GRACE.minus(SWEEP));
        assertThat(tenants()).as("within the grace").containsExactly("acme", "gone");
        assertThat(deliveriesOf("gone")).as("within the grace").isEqualTo(1);

        sweepFor(SWEEP.multipliedBy(3));

        assertThat(tenants()).containsExactly("acme");
        assertThat(seriesOf("gone")).isEmpty();
        assertThat(seriesOf("acme")).isNotEmpty();
        assertThat(sink.core.history("gone")).isEmpty();
        assertThat(deliveriesOf("acme")).isEqualTo(1);
        assertThat(sink.core.dispatcher.tenantCount()).isEqualTo(1);
    }

    @Test
    void givenATenantDeletedWithARequestInFlight_whenTheGracePasses_thenItIsKeptUntilItWasIdleForTheGrace() {
        sink = EngineFixture.start().tenants("acme", "gone").assign(0);
        sink.notification(0, "gone", "m1", 1);
        sink.step();
        assertThat(sink.sender.open()).containsExactly(1L);

        sink.view.apply("gone", null);
        sweepFor(GRACE.plus(SWEEP.multipliedBy(3)));
        assertThat(tenants()).as("its request is still open").containsExactly("acme", "gone");
        assertThat(seriesOf("gone")).isNotEmpty();

        sink.sender.answer(1, 200);
        sink.step();
        sweepFor(GRACE.minus(SWEEP));
        assertThat(tenants()).as("idle for less than the grace").containsExactly("acme", "gone");

        sweepFor(SWEEP.multipliedBy(3));
        assertThat(tenants()).containsExactly("acme");
        assertThat(seriesOf("gone")).isEmpty();
    }

    /** Moves the clock a sweep at a time, one turn of the loop each (which runs the due sweep and status timers). */
    private void sweepFor(Duration total) {
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(SWEEP)) {
            sink.advance(SWEEP);
            sink.step();
        }
    }

    private List<String> tenants() {
        return sink.core.dispatcher.statuses().stream().map(TenantStatus::tenant).sorted().toList();
    }

    private long deliveriesOf(String tenant) {
        return sink.core.history(tenant).orElseThrow().minutes().stream()
                .mapToLong(TenantHistory.Minute::deliveries).sum();
    }

    private List<Meter> seriesOf(String tenant) {
        return sink.registry.getMeters().stream().filter(m -> tenant.equals(m.getId().getTag("tenant"))).toList();
    }
}
