package io.statusnotify.system;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, proof 5: a tenant's server answers 401 (its config has a stale password); the sink parks the tenant
 * rather than dead-lettering or hammering it, and once the config record carries the new password, everything is
 * delivered, each user's in order, the parked ones before the newer ones.
 */
@ExtendWith(SharedKafka.class)
class AuthFailureRecoveryIT {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFailureRecoveryIT.class);
    private static final String LOCKED = "locked";
    private static final String OPEN = "open";
    private static final String STALE_PASSWORD = "stale-password-for-tests";
    private static final int USERS_PER_TENANT = 10;
    private static final int PER_SECOND = 50;
    private static final int SECONDS_PER_PHASE = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Long enough after the 401s to believe the parked tenant is left alone until its config changes. */
    private static final Duration PARKED_QUIET = Duration.ofSeconds(3);

    @Test
    void aTenantAnswering401IsParkedAndGetsEverythingInOrderOnceItsPasswordIsFixed(TestKafka kafka) {
        PipelineEnv env = PipelineEnv.fresh(kafka, "auth-failure").withShortRetries().provisionTopics();
        Map<String, RecordingReceiver> receivers = new HashMap<>();
        try (TenantFleet fleet = TenantFleet.start(List.of(LOCKED, OPEN), tenant -> {
            RecordingReceiver receiver = RecordingReceiver.start();
            receivers.put(tenant, receiver);
            return Endpoint.of(receiver);
        }); PortalProducer admin = new PortalProducer(kafka.bootstrapServers())) {
            // given the locked tenant's server accepts only the new password, and its config still has the old one
            RecordingReceiver locked = receivers.get(LOCKED);
            locked.respondWith(request -> Reply.status(authorized(request) ? 204 : 401));
            fleet.configure(env);
            admin.send(env.topics().tenantConfig(), LOCKED, TenantConfigs.enabled(
                    locked.url(TenantFleet.path(LOCKED)), TenantFleet.USERNAME, STALE_PASSWORD));
            TrafficPlan phase = TrafficPlan.of(List.of(LOCKED, OPEN), USERS_PER_TENANT, PER_SECOND, SECONDS_PER_PHASE);

            try (InProcessSink sink = InProcessSink.start(env);
                 NotificationFeed feed = new NotificationFeed(env.bootstrapServers(), env.topics().notifications())) {
                // when both tenants' users change status
                feed.play(phase, TIMEOUT);
                await("the open tenant got its notifications").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> fleet.hasEverything(OPEN, feed));
                // then the locked tenant was refused and is left alone (parked), its notifications neither lost nor dead
                await("a 401 from " + LOCKED).atMost(TIMEOUT).until(() -> !locked.requests().isEmpty());
                int firstRefusals = locked.requests().size();
                await(LOCKED + " parked: no more requests").during(PARKED_QUIET).atMost(PARKED_QUIET.plusSeconds(10))
                        .until(() -> locked.requests().size() == firstRefusals);
                int refused = locked.requests().size();
                LOG.info("{} refused {} requests of {} notifications, then was left alone", LOCKED, refused,
                        feed.sentTo(LOCKED));

                // when its config record gets the new password, and more status changes follow
                admin.send(env.topics().tenantConfig(), LOCKED, TenantConfigs.enabled(
                        locked.url(TenantFleet.path(LOCKED)), TenantFleet.USERNAME, TenantFleet.PASSWORD));
                feed.play(phase, TIMEOUT);

                // then every notification is delivered, each user's in order: the parked ones first, then the newer
                await("everything delivered with the new password").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .until(() -> accepted(locked).sequenceNums().size() >= feed.sentTo(LOCKED)
                                && fleet.hasEverything(OPEN, feed));
                Deliveries delivered = accepted(locked);
                LOG.info("{} after the fix: {} accepted requests for {} notifications ({} duplicates)", LOCKED,
                        delivered.all().size(), feed.sentTo(LOCKED), delivered.duplicates());
                DeliveryAssertions.assertAllDeliveredInPerUserOrder(LOCKED, delivered, feed.sentByUserOf(LOCKED));
                DeliveryAssertions.assertAllDeliveredInPerUserOrder(OPEN, fleet.deliveries(OPEN), feed.sentByUserOf(OPEN));
                // and nothing reached the DLQ; the receipts tell the story
                assertThat(kafka.readAll(env.topics().notificationsDlq())).as("dead letters").isEmpty();
                List<Long> sent = feed.sentSequenceNums();
                await("receipts").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Receipts receipts = Receipts.read(env.bootstrapServers(), env.topics().deliveryReceipts());
                    assertThat(receipts.withOutcome("parked", LOCKED)).as("parked receipts of %s", LOCKED).isNotEmpty();
                    assertThat(receipts.withOutcome("parked")).as("parked receipts")
                            .allSatisfy(r -> assertThat(r.tenant()).isEqualTo(LOCKED));
                    DeliveryAssertions.assertDeliveredReceipts(receipts, sent);
                    assertThat(receipts.withOutcome("dead-lettered")).as("dead-lettered receipts").isEmpty();
                });
            }
        }
    }

    /** The requests the locked server accepted (the new password), read as notifications. */
    private static Deliveries accepted(RecordingReceiver receiver) {
        return Deliveries.of(receiver.requests().stream().filter(AuthFailureRecoveryIT::authorized).toList());
    }

    /** Compares without ever printing the header. */
    private static boolean authorized(Received request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (TenantFleet.USERNAME + ":" + TenantFleet.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return expected.equals(request.header("Authorization"));
    }
}
