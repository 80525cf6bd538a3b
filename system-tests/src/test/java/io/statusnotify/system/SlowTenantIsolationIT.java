package io.statusnotify.system;

import io.statusnotify.testing.DelayedReceiver;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, proof 2: one tenant's server accepts every request and holds it open for 30 s before it answers (its
 * requests take up the sink's capacity rather than failing fast). The other nine must not notice: each of their
 * notifications arrives exactly once, in per-user order, within {@link #HEALTHY_BOUND} of being written. The slow
 * one still gets everything, in per-user order. The latency the others pay is the benchmark's to measure.
 */
@ExtendWith(SharedKafka.class)
class SlowTenantIsolationIT {
    private static final Logger LOG = LoggerFactory.getLogger(SlowTenantIsolationIT.class);
    private static final List<String> TENANTS = TenantFleet.names(10);
    private static final String SLOW = TENANTS.get(0);
    private static final List<String> OTHERS = TENANTS.subList(1, TENANTS.size());
    private static final Duration HOLD = Duration.ofSeconds(30);
    /** Above the hold: a slow answer is still an answer, not a timeout and a second request. */
    private static final String RESPONSE_TIMEOUT = "60s";
    private static final int USERS_PER_TENANT = 100;
    private static final int PER_SECOND = 100;
    private static final int FAULT_START_SECONDS = 2;
    /** Traffic through the hold and a few seconds past it, so the others are watched while the slow one catches up. */
    private static final int TRAFFIC_SECONDS = FAULT_START_SECONDS + (int) HOLD.toSeconds() + 4;
    /** Generous on a shared two-core machine (a healthy run takes tens of ms), and far below the 30 s hold. */
    private static final Duration HEALTHY_BOUND = Duration.ofSeconds(5);

    @Test
    void aTenantHoldingEveryRequestForThirtySecondsHoldsUpNoneOfTheOthersAndGetsEverythingInOrder(TestKafka kafka) {
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);
        AtomicReference<DelayedReceiver> slow = new AtomicReference<>();

        // given ten tenants getting a steady stream, when one tenant's server holds each request 30 s
        IsolationResult result = IsolationRun.play(
                IsolationRun.env(kafka, "slow-tenant").with("SNS_HTTP_RESPONSE_TIMEOUT", RESPONSE_TIMEOUT), plan,
                tenant -> {
                    if (!tenant.equals(SLOW)) return Endpoint.of(RecordingReceiver.start());
                    slow.set(DelayedReceiver.start(Duration.ZERO));
                    return Endpoint.of(slow.get());
                },
                (feed, p) -> holdFromTheFaultsStart(slow.get(), feed, p));

        // then each of the other nine got each of its notifications once, in per-user order, none held up
        long slowest = DeliveryAssertions.assertUnaffected(result, OTHERS, HEALTHY_BOUND);
        LOG.info("The other nine's slowest arrival: {} ms after being written (bound {})", slowest, HEALTHY_BOUND);
        // and the slow tenant got every notification, each user's first deliveries in order
        Deliveries slowOne = result.byTenant().get(SLOW);
        LOG.info("{} holding requests for {}: {} requests for {} notifications ({} duplicates)", SLOW, HOLD,
                slowOne.all().size(), slowOne.sequenceNums().size(), slowOne.duplicates());
        assertThat(slowOne.all()).as("%s's notifications waiting behind its held requests", SLOW)
                .anyMatch(d -> d.latencyMillis() > HEALTHY_BOUND.toMillis());
        DeliveryAssertions.assertAllDeliveredInPerUserOrder(SLOW, slowOne, result.sentByUserOf(SLOW));
        // and a slow answer is still an answer: delivered receipts for all, nothing dead-lettered
        DeliveryAssertions.assertDeliveredReceipts(result.receipts(), result.sentSequenceNums());
        assertThat(kafka.readAll(result.env().topics().notificationsDlq())).as("dead letters").isEmpty();
    }

    /** {@value FAULT_START_SECONDS} s into the traffic, the slow server stops answering for {@link #HOLD}. */
    private static void holdFromTheFaultsStart(DelayedReceiver receiver, NotificationFeed feed, TrafficPlan plan) {
        await("traffic reaches the fault").atMost(Duration.ofSeconds(FAULT_START_SECONDS + 30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> feed.sentInCurrentPlan() >= plan.sentAfterSeconds(FAULT_START_SECONDS));
        receiver.hold(HOLD);
        LOG.info("{}'s server holds every request for {} from now, after {} notifications", SLOW, HOLD,
                feed.sentInCurrentPlan());
    }
}
