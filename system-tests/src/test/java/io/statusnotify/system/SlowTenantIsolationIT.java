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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, proof 2: one tenant's server answers only after 5 s. The other nine must not notice; the slow one still
 * gets everything, in per-user order. "Not notice" is measured against two reference sinks getting the same traffic
 * at the same time with all their servers answering at once.
 */
@ExtendWith(SharedKafka.class)
class SlowTenantIsolationIT {
    private static final Logger LOG = LoggerFactory.getLogger(SlowTenantIsolationIT.class);
    private static final List<String> TENANTS = TenantFleet.names(10);
    private static final String SLOW = TENANTS.get(0);
    private static final List<String> OTHERS = TENANTS.subList(1, TENANTS.size());
    private static final Duration ANSWER_DELAY = Duration.ofSeconds(5);
    /**
     * 100 users a tenant at 100/s in all: each of the slow tenant's users gets a notification every 10 s, so even one
     * at a time per user (5 s each) it keeps up, and it needs ~50 requests open at once (under the default 64).
     */
    private static final int USERS_PER_TENANT = 100;
    private static final int PER_SECOND = 100;
    private static final int TRAFFIC_SECONDS = 24;
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    @Test
    void aTenantAnsweringAfterFiveSecondsDoesNotSlowTheOthersAndGetsEverythingInOrder(TestKafka kafka) {
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);

        IsolationRun.warmUpOnce(kafka);
        // given three sinks side by side, each with its own ten tenants, getting the same traffic at the same time
        // when one tenant's server of the third sink takes 5 s to answer each request
        IsolationRun.Comparison comparison = IsolationRun.againstTwoReferences(kafka, "slow-tenant", plan,
                tenant -> tenant.equals(SLOW) ? Endpoint.of(DelayedReceiver.start(ANSWER_DELAY)) : Endpoint.of(RecordingReceiver.start()),
                IsolationRun.NO_FAULT);
        SideResult faulty = comparison.faulty();

        // then its other nine tenants' p99 latency is within 10 % of the reference (plus a little for a noisy machine)
        LatencyComparison.of(comparison, OTHERS, WARM_UP).log(LOG).assertWithinBound();
        // and the slow tenant got every notification, each user's first deliveries in order
        Deliveries slow = faulty.byTenant().get(SLOW);
        LOG.info("{} answering after {}: {} requests for {} notifications ({} duplicates)", SLOW, ANSWER_DELAY,
                slow.all().size(), slow.sequenceNums().size(), slow.duplicates());
        DeliveryAssertions.assertAllDeliveredInPerUserOrder(SLOW, slow, faulty.sentByUserOf(SLOW));
        // and a slow answer is still an answer: delivered receipts for all, nothing dead-lettered
        DeliveryAssertions.assertDeliveredReceipts(faulty.receipts(), faulty.sentSequenceNums());
        assertThat(kafka.readAll(faulty.env().topics().notificationsDlq())).as("dead letters").isEmpty();
    }

}
