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
 * not notice: each of their notifications arrives exactly once, in per-user order, and none waits behind the down
 * one (each arrives within {@link #HEALTHY_BOUND} of being written, while the down one waits a minute). The down
 * one gets everything, in per-user order, once it is back. How much the fault costs the others in latency is the
 * benchmark's to measure, not a test's on a shared machine.
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
    /** A few seconds of traffic after the server is back, so the others are watched while its backlog drains too. */
    private static final int TRAFFIC_SECONDS = FAULT_START_SECONDS + DOWN_SECONDS + 4;
    /** Generous on a shared two-core machine (a healthy run takes tens of ms), and far below the minute down. */
    private static final Duration HEALTHY_BOUND = Duration.ofSeconds(5);

    @Test
    void aTenantDownForAMinuteHoldsUpNoneOfTheOthersAndGetsEverythingInOrderWhenBack(TestKafka kafka) {
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);
        Map<String, RecordingReceiver> receivers = new HashMap<>();

        // given ten tenants getting a steady stream, when one tenant's server refuses connections for a minute
        IsolationResult result = IsolationRun.play(IsolationRun.env(kafka, "tenant-down"), plan,
                tenant -> {
                    RecordingReceiver receiver = RecordingReceiver.start();
                    receivers.put(tenant, receiver);
                    return Endpoint.of(receiver);
                },
                (feed, p) -> downForAMinute(receivers.get(DOWN), feed, p));

        // then each of the other nine got each of its notifications once, in per-user order, none held up
        long slowest = DeliveryAssertions.assertUnaffected(result, OTHERS, HEALTHY_BOUND);
        LOG.info("The other nine's slowest arrival: {} ms after being written (bound {})", slowest, HEALTHY_BOUND);
        // and the down tenant got every notification, each user's first deliveries in order
        Deliveries down = result.byTenant().get(DOWN);
        LOG.info("{} after its minute down: {} requests for {} notifications ({} duplicates)", DOWN,
                down.all().size(), down.sequenceNums().size(), down.duplicates());
        DeliveryAssertions.assertAllDeliveredInPerUserOrder(DOWN, down, result.sentByUserOf(DOWN));
        // and the receipts say each was delivered, the down tenant's after being retried; nothing was dead-lettered
        DeliveryAssertions.assertDeliveredReceipts(result.receipts(), result.sentSequenceNums());
        assertThat(result.receipts().withOutcome("retried", DOWN)).as("retried receipts of %s", DOWN).isNotEmpty();
        assertThat(kafka.readAll(result.env().topics().notificationsDlq())).as("dead letters").isEmpty();
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
