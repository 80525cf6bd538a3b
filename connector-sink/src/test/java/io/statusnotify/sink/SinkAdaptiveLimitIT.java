package io.statusnotify.sink;

import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.testing.DelayedReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A tenant's concurrency limit adapts: a receiver that keeps up gets more requests at once than it started with. */
class SinkAdaptiveLimitIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int INITIAL = 4;
    private static final int NOTIFICATIONS = 1_000;
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension()
            .with("SNS_TENANT_INITIAL_IN_FLIGHT", String.valueOf(INITIAL))
            .with("SNS_TENANT_MIN_IN_FLIGHT", "2").with("SNS_TENANT_MAX_IN_FLIGHT", "100")
            // Its backlog is not moved aside while the limit is still small: every notification is sent from here.
            .with("SNS_TENANT_MAX_QUEUED", "100000").with("SNS_TENANT_MAX_QUEUE_WAIT", "1h");
    private final SinkHarness sink = harness.sink();
    private final DelayedReceiver receiver = harness.closing(DelayedReceiver.start(Duration.ofMillis(50)));

    @Test
    void givenAReceiverAnsweringAtASteadyPace_whenBusy_thenTheTenantGetsMoreThanItsInitialLimitInFlight() {
        sink.config("acme", receiver.url("/hook"));
        for (int n = 1; n <= NOTIFICATIONS; n++) sink.notify("acme", "u" + (n % 250), n);
        sink.startSink();

        AtomicInteger mostInFlight = new AtomicInteger();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            mostInFlight.accumulateAndGet((int) sink.gauge(SinkMetrics.IN_FLIGHT), Math::max);
            return mostInFlight.get() > INITIAL && sink.gauge(SinkMetrics.TENANT_IN_FLIGHT_LIMIT, "tenant", "acme") > INITIAL;
        });

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == NOTIFICATIONS);
        assertThat(sink.gauge(SinkMetrics.TENANT_IN_FLIGHT_LIMIT, "tenant", "acme")).isBetween(INITIAL + 1.0, 100.0);
        assertThat(sink.count(SinkMetrics.PARKED, "tenant", "acme")).isZero();
    }
}
