package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, proof 4: the broker is restarted (SIGTERM, then started again on the same port and log directory) while
 * the sink delivers: nothing is lost. The broker is this test's own, in a child JVM, so the shared one is untouched.
 */
class BrokerRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final List<String> TENANTS = TenantFleet.names(3);
    private static final int USERS_PER_TENANT = 20;
    private static final int PER_SECOND = 100;
    private static final int TRAFFIC_SECONDS = 20;
    private static final int RESTART_AFTER_DELIVERIES = 400;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void aBrokerRestartMidRunLosesNothing() {
        try (DedicatedBroker broker = DedicatedBroker.start("broker-restart");
             TenantFleet fleet = TenantFleet.start(TENANTS, tenant -> Endpoint.of(RecordingReceiver.start()))) {
            PipelineEnv env = PipelineEnv.fresh(broker.bootstrapServers(), "broker-restart").withShortRetries()
                    .provisionTopics();
            fleet.configure(env);
            TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);
            try (InProcessSink sink = InProcessSink.start(env);
                 NotificationFeed feed = new NotificationFeed(env.bootstrapServers(), env.topics().notifications())) {
                // given a sink delivering a steady stream
                feed.start(plan);
                await("deliveries before the restart").atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(10))
                        .until(() -> fleet.requestCount() >= RESTART_AFTER_DELIVERIES);

                // when the broker stops (SIGTERM) and starts again mid-run
                int exitCode = broker.stop();
                int deliveredWhileUp = fleet.requestCount();
                LOG.info("Broker stopped (exit {}) after {} requests, {} of {} notifications sent", exitCode,
                        deliveredWhileUp, feed.sent(), plan.total());
                broker.restart();
                LOG.info("Broker back; {} of {} notifications sent", feed.sent(), plan.total());
                assertThat(deliveredWhileUp).as("the restart landed mid-run").isLessThan(plan.total());

                // then every notification arrives, each user's first deliveries in the order sent
                feed.awaitAcknowledged(DELIVERY_TIMEOUT);
                fleet.awaitEverything(feed, DELIVERY_TIMEOUT);
                int duplicates = 0;
                for (String tenant : TENANTS) {
                    Deliveries got = fleet.deliveries(tenant);
                    DeliveryAssertions.assertAllDeliveredInPerUserOrder(tenant, got, feed.sentByUserOf(tenant));
                    duplicates += got.duplicates();
                }
                LOG.info("After a broker restart: {} notifications, {} requests, {} duplicates", feed.sent(),
                        fleet.requestCount(), duplicates);
                assertThat(sink.isReady()).as("the sink is still running").isTrue();
                assertThat(TopicReader.readAll(env.bootstrapServers(), env.topics().notificationsDlq()))
                        .as("dead letters").isEmpty();
                DeliveryAssertions.awaitDeliveredReceipts(env, feed.sentSequenceNums());
            }
        }
    }
}
