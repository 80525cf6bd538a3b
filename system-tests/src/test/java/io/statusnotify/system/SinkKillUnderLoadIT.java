package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, proof 3: the sink (its real main, in its own JVM) is killed with SIGKILL while delivering many
 * notifications at once, then started again: everything arrives at least once, each user's first deliveries in
 * order, and the redeliveries are few.
 */
@ExtendWith(SharedKafka.class)
class SinkKillUnderLoadIT {
    private static final Logger LOG = LoggerFactory.getLogger(SinkKillUnderLoadIT.class);
    private static final List<String> TENANTS = TenantFleet.names(4);
    private static final int USERS_PER_TENANT = 25;
    private static final int PER_SECOND = 200;
    private static final int TRAFFIC_SECONDS = 20;
    private static final int KILL_AFTER_DELIVERIES = 1000;
    /** A receiver that takes a few ms keeps requests in flight when the kill lands. */
    private static final Duration ANSWER_DELAY = Duration.ofMillis(5);
    /** SNS_SINK_MAX_IN_FLIGHT for this test. */
    private static final int IN_FLIGHT_WINDOW = 100;
    /**
     * What a crash may deliver again: the requests in flight, plus what was delivered since the last commit (the
     * engine commits its offsets and offset map once a second, so up to a second of traffic).
     */
    private static final int REDELIVERY_BOUND = IN_FLIGHT_WINDOW + PER_SECOND;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aSinkKilledUnderLoadLosesNothingKeepsPerUserOrderAndRedeliversLittle(TestKafka kafka) {
        // A short session lets the restarted sink take over the killed member's partitions in seconds, not 45.
        PipelineEnv env = PipelineEnv.fresh(kafka, "kill-under-load").withShortRetries()
                .with("SNS_SINK_MAX_IN_FLIGHT", Integer.toString(IN_FLIGHT_WINDOW))
                .provisionTopics().shortSinkSession();
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);
        try (TenantFleet fleet = TenantFleet.start(TENANTS, tenant -> Endpoint.of(slowishReceiver()));
             NotificationFeed feed = new NotificationFeed(env.bootstrapServers(), env.topics().notifications())) {
            fleet.configure(env);

            // given a sink in its own JVM delivering a steady stream to four tenants
            try (AppProcess first = AppProcess.sink(env, "kill-under-load-first")) {
                feed.start(plan);
                await("deliveries before the kill").atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(10))
                        .until(() -> fleet.requestCount() >= KILL_AFTER_DELIVERIES);

                // when it is killed with SIGKILL mid-stream
                int exitCode = first.kill();
                LOG.info("{} killed (exit {}) after {} requests, {} of {} notifications sent", first, exitCode,
                        fleet.requestCount(), feed.sent(), plan.total());
                assertThat(feed.sentInCurrentPlan()).as("the kill landed while the traffic was still flowing")
                        .isLessThan(plan.total());
            }

            // and started again in the same consumer group, while the traffic goes on
            try (AppProcess second = AppProcess.sink(env, "kill-under-load-second")) {
                feed.awaitAcknowledged(Duration.ofSeconds(TRAFFIC_SECONDS + 60));
                fleet.awaitEverything(feed, DELIVERY_TIMEOUT);
                assertThat(second.isAlive()).as("%s still running", second).isTrue();
            }

            // then every notification arrived, each user's first deliveries in the order sent
            int duplicates = 0;
            for (String tenant : TENANTS) {
                Deliveries got = fleet.deliveries(tenant);
                DeliveryAssertions.assertAllDeliveredInPerUserOrder(tenant, got, feed.sentByUserOf(tenant));
                duplicates += got.duplicates();
            }
            // and the redeliveries stay within the in-flight window plus a second of traffic
            LOG.info("After SIGKILL under load and a restart: {} notifications, {} requests, {} duplicates"
                    + " (in-flight window {}, bound {})", feed.sent(), fleet.requestCount(), duplicates, IN_FLIGHT_WINDOW,
                    REDELIVERY_BOUND);
            assertThat(duplicates).as("redeliveries after a kill -9").isLessThanOrEqualTo(REDELIVERY_BOUND);
            DeliveryAssertions.awaitDeliveredReceipts(env, feed.sentSequenceNums());
            assertNoSecretsLogged("kill-under-load-first");
            assertNoSecretsLogged("kill-under-load-second");
        }
    }

    private static RecordingReceiver slowishReceiver() {
        RecordingReceiver receiver = RecordingReceiver.start();
        receiver.respondWith(request -> {
            LockSupport.parkNanos(ANSWER_DELAY.toNanos()); // plays a server that takes a moment, not a wait of the test
            return Reply.status(204);
        });
        return receiver;
    }


    private static void assertNoSecretsLogged(String sinkName) {
        String log = ChildJvm.logText(sinkName);
        String basic = Base64.getEncoder().encodeToString(
                (TenantFleet.USERNAME + ":" + TenantFleet.PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(log).as("log of %s", sinkName).isNotEmpty();
        assertThat(log.contains(TenantFleet.PASSWORD) || log.contains(basic))
                .as("%s logged the tenant's password", sinkName).isFalse();
    }
}
