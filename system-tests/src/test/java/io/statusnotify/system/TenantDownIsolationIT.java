package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, proof 1: ten tenants, one tenant's server down (refusing connections) for a minute. The other nine must
 * not notice, and the down one must get everything, in per-user order, once it is back. "Not notice" is measured
 * against two reference sinks getting the same traffic at the same time with all their servers up.
 */
@ExtendWith(SharedKafka.class)
class TenantDownIsolationIT {
    private static final Logger LOG = LoggerFactory.getLogger(TenantDownIsolationIT.class);
    private static final List<String> TENANTS = TenantFleet.names(10);
    private static final String DOWN = TENANTS.get(0);
    private static final List<String> OTHERS = TENANTS.subList(1, TENANTS.size());
    private static final int USERS_PER_TENANT = 50;
    private static final int PER_SECOND = 150;
    private static final int FAULT_START_SECONDS = 2;
    private static final int DOWN_SECONDS = 60;
    /** A few seconds of traffic after the server is back, so the catch-up of its parked records is measured too. */
    private static final int TRAFFIC_SECONDS = FAULT_START_SECONDS + DOWN_SECONDS + 4;
    /** Latencies count from the fault's start on both sides: the first seconds open connections. */
    private static final Duration WARM_UP = Duration.ofSeconds(FAULT_START_SECONDS);

    @Test
    void aTenantDownForAMinuteDoesNotSlowTheOthersAndGetsEverythingInOrderWhenBack(TestKafka kafka) {
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);

        IsolationRun.warmUpOnce(kafka);
        Map<String, RecordingReceiver> receivers = new HashMap<>();
        // given three sinks side by side, each with its own ten tenants, getting the same traffic at the same time
        // when one tenant's server of the third sink refuses connections for a minute
        IsolationRun.Comparison comparison = IsolationRun.againstTwoReferences(kafka, "tenant-down", plan,
                tenant -> {
                    RecordingReceiver receiver = RecordingReceiver.start();
                    receivers.put(tenant, receiver);
                    return Endpoint.of(receiver);
                },
                (feed, p) -> downForAMinute(receivers.get(DOWN), feed, p));
        SideResult faulty = comparison.faulty();

        // then its other nine tenants' p99 latency is within 10 % of the reference (plus a little for a noisy machine)
        LatencyComparison.of(comparison, OTHERS, WARM_UP).log(LOG).assertWithinBound();
        // and the down tenant got every notification, each user's first deliveries in order
        Deliveries down = faulty.byTenant().get(DOWN);
        LOG.info("{} after its minute down: {} requests for {} notifications ({} duplicates)", DOWN,
                down.all().size(), down.sequenceNums().size(), down.duplicates());
        DeliveryAssertions.assertAllDeliveredInPerUserOrder(DOWN, down, faulty.sentByUserOf(DOWN));
        // and the receipts say each was delivered, the down tenant's after being retried; nothing was dead-lettered
        DeliveryAssertions.assertDeliveredReceipts(faulty.receipts(), faulty.sentSequenceNums());
        assertThat(faulty.receipts().withOutcome("retried", DOWN)).as("retried receipts of %s", DOWN).isNotEmpty();
        assertThat(kafka.readAll(faulty.env().topics().notificationsDlq())).as("dead letters").isEmpty();
    }

    /** Stops the server {@value FAULT_START_SECONDS} s into the traffic and restarts it {@value DOWN_SECONDS} s later. */
    private static void downForAMinute(RecordingReceiver receiver, NotificationFeed feed, TrafficPlan plan) {
        await("traffic reaches the fault").atMost(Duration.ofSeconds(FAULT_START_SECONDS + 30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> feed.sentInCurrentPlan() >= plan.sentAfterSeconds(FAULT_START_SECONDS));
        receiver.stop();
        LOG.info("{}'s server down after {} notifications", DOWN, feed.sentInCurrentPlan());
        await("a minute of traffic while " + DOWN + " is down").atMost(Duration.ofSeconds(DOWN_SECONDS + 60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> feed.sentInCurrentPlan() >= plan.sentAfterSeconds(FAULT_START_SECONDS + DOWN_SECONDS));
        receiver.restart();
        LOG.info("{}'s server back after {} notifications", DOWN, feed.sentInCurrentPlan());
    }
}
