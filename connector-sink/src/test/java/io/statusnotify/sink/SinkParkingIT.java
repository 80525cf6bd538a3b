package io.statusnotify.sink;

import io.statusnotify.sink.http.BasicAuth;
import io.statusnotify.sink.engine.Housekeeping;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.status.TenantStatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.statusnotify.sink.SinkHarness.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing or refusing tenant's notifications wait on the retry topic and come out in order when it recovers. */
class SinkParkingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with("SNS_RETRY_MAX_ATTEMPTS", "0")
            .with("SNS_RETRY_DELAYS", "300ms,600ms");
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver down = harness.receiver();
    private final RecordingReceiver healthy = harness.receiverFor("acme");

    @Test
    void aDownTenantGetsEverythingInOrderOnceItIsBackAndNobodyWaitedForIt() {
        down.stop();
        sink.config("broken", down.url("/hook"));
        sink.startSink();
        for (int n = 1; n <= 6; n++) sink.notify("broken", "u" + (n % 2), n);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "broken", "cause", "connect") >= 2);

        sink.notify("acme", "x", 1);
        await().atMost(WAIT).until(() -> healthy.requestsTo("/hook").size() == 1);
        down.restart();
        for (int n = 7; n <= 10; n++) sink.notify("broken", "u" + (n % 2), n);

        await().atMost(WAIT).until(() -> down.requestsTo("/hook").size() == 10);
        assertThat(sequence(down, "/hook", "u0")).containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(sequence(down, "/hook", "u1")).containsExactly(1L, 3L, 5L, 7L, 9L);
        assertThat(sink.kafka.readAll(sink.topics.notificationsDlq())).isEmpty();
        // queueTimestamp is when a notification was first attempted: a copy parked before any attempt has none yet,
        // one parked after its attempt keeps that attempt's; each was sent with a stamp no later than its arrival.
        List<ConsumerRecord<String, byte[]>> parked = sink.kafka.readAll(sink.topics.notificationsRetry());
        assertThat(parked).anySatisfy(r -> assertThat(TestKafka.header(r, RetryHeaders.ATTEMPTS)).isEqualTo("0"));
        assertThat(parked).allSatisfy(r -> assertThat(Json.read(r.value(), Notification.class).queueTimestamp())
                .as("stamped exactly when attempted before it was parked")
                .matches(stamp -> (stamp != null) == !"0".equals(TestKafka.header(r, RetryHeaders.ATTEMPTS))));
        assertThat(down.requestsTo("/hook")).allSatisfy(r -> assertThat(Json.read(r.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), Notification.class).queueTimestamp())
                .isNotNull().isLessThanOrEqualTo(r.receivedAtMillis()));
    }

    @Test
    void aTenantHoldingParkedNotificationsIsNotForgottenWhileADeletedIdleOneIs() {
        down.stop();
        sink.config("broken", down.url("/hook"));
        sink.config("gone", healthy.url("/gone"));
        SinkApp app = sink.startSink(new Housekeeping(Duration.ofMillis(200), Duration.ofMillis(500)));
        for (int n = 1; n <= 3; n++) sink.notify("broken", "u" + n, n);
        sink.notify("gone", "g1", 1);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "gone") == 1);
        await().atMost(WAIT).until(() -> status(app, "broken").map(TenantStatus::state)
                .filter(TenantStatus.CIRCUIT_OPEN::equals).isPresent());
        assertThat(status(app, "gone")).isPresent();

        sink.deleteConfig("gone");

        await().atMost(WAIT).until(() -> status(app, "gone").isEmpty());
        assertThat(sink.count(SinkMetrics.DELIVERED, "tenant", "gone")).isZero();
        TenantStatus broken = status(app, "broken").orElseThrow();
        assertThat(broken.state()).isEqualTo(TenantStatus.CIRCUIT_OPEN);
        assertThat(broken.lastError()).contains("Connection refused");
        assertThat(sink.count(SinkMetrics.FAILURES, "tenant", "broken", "cause", "connect")).isGreaterThanOrEqualTo(3);
        down.restart();
        await().atMost(WAIT).until(() -> down.requestsTo("/hook").size() == 3);
        for (int n = 1; n <= 3; n++) assertThat(sequence(down, "/hook", "u" + n)).containsExactly((long) n);
    }

    private static Optional<TenantStatus> status(SinkApp app, String tenant) {
        return app.tenantStatuses().stream().filter(s -> s.tenant().equals(tenant)).findFirst();
    }

    @Test
    void aRefusingTenantIsParkedUntilItsConfigChangesThenGetsEverythingInOrder() {
        String fixedAuth = BasicAuth.header(SinkHarness.USERNAME, "n3w-Passw0rd");
        down.respondWith(r -> Reply.status(fixedAuth.equals(r.header("authorization")) ? 204 : 401));
        sink.config("refusing", down.url("/hook"));
        sink.startSink();
        for (int n = 1; n <= 4; n++) sink.notify("refusing", "u" + (n % 2), n);

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.PARKED, "tenant", "refusing", "cause", "auth-failed") >= 1
                || sink.count(SinkMetrics.FAILURES, "tenant", "refusing", "cause", "4xx") >= 2);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> down.requestsTo("/hook").size() <= 2);

        sink.config("refusing", new TenantConfig(true, down.url("/hook"), SinkHarness.USERNAME, "n3w-Passw0rd"));

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "refusing") == 4);
        List<Long> u0 = sequence(down, "/hook", "u0");
        List<Long> u1 = sequence(down, "/hook", "u1");
        assertThat(u0.subList(u0.size() - 2, u0.size())).containsExactly(2L, 4L);
        assertThat(u1.subList(u1.size() - 2, u1.size())).containsExactly(1L, 3L);
        assertThat(sink.kafka.readAll(sink.topics.notificationsDlq())).isEmpty();
    }

    @Test
    void writingARefusingTenantsSameRecordAgainTriesItsParkedNotificationsNow() {
        AtomicBoolean serverFixed = new AtomicBoolean(false);
        down.respondWith(r -> Reply.status(serverFixed.get() ? 204 : 401));
        sink.config("refusing", down.url("/hook"));
        sink.startSink();
        sink.notify("refusing", "u1", 1);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "refusing", "cause", "4xx") >= 1);

        // The receiver's side is fixed; ops write the same record again to say "try now".
        serverFixed.set(true);
        sink.config("refusing", down.url("/hook"));

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "refusing") == 1);
    }

    @Test
    void onePoisonNotificationIsRetriedAloneWhileTheTenantsOthersFlow() {
        healthy.respondWith(r -> Reply.status(r.body().contains("\"memberID\":\"poison\"") ? 500 : 204));
        sink.startSink();

        sink.notify("acme", "poison", 1);
        for (int n = 2; n <= 21; n++) sink.notify("acme", "u" + (n % 4), n);

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 20);
        assertThat(sink.count(SinkMetrics.PARKED, "tenant", "acme", "cause", "tenant-failing")).isZero();
        await().atMost(WAIT).until(() -> sequence(healthy, "/hook", "poison").size() >= 2);
    }

    @Test
    void aProbeThatIsDeadLetteredLetsTheNextParkedOneTry() {
        down.stop();
        sink.config("broken", down.url("/hook"));
        sink.startSink();
        for (int n = 1; n <= 4; n++) sink.notify("broken", "u" + n, n);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "broken", "cause", "connect") >= 3);

        down.respondWith(r -> Reply.status(r.body().contains("\"memberID\":\"u1\"") ? 400 : 204));
        down.restart();

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "broken") == 3);
        assertThat(sink.count(SinkMetrics.DEAD_LETTERED, "reason", "http-status")).isEqualTo(1);
    }

    @Test
    void anotherGroupOnTheSameTopicsLeavesThisGroupsParkedNotificationsAlone() {
        down.stop();
        sink.config("broken", down.url("/hook"));
        sink.startSink();
        for (int n = 1; n <= 3; n++) sink.notify("broken", "u" + n, n);
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() == 3);

        sink.with("SNS_SINK_GROUP_ID", sink.groupId + "-second").startSink();
        await().atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.notificationsRetry()).size() == 6);
        down.restart();

        // Each group delivers each notification once: the second group re-reads sns.notifications from its start
        // (as a new group does) but never delivers the first group's parked copies, nor the first group its copies.
        await().atMost(WAIT).until(() -> down.requestsTo("/hook").size() == 6);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> down.requestsTo("/hook").size() == 6);
        for (int n = 1; n <= 3; n++) assertThat(sequence(down, "/hook", "u" + n)).containsExactly((long) n, (long) n);
    }

    @Test
    void disablingAParkedTenantDropsItsWaitingNotificationsWithReceipts() throws IOException {
        down.stop();
        sink.config("broken", down.url("/hook"));
        sink.startSink();
        for (int n = 1; n <= 3; n++) sink.notify("broken", "u" + n, n);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.FAILURES, "tenant", "broken", "cause", "connect") >= 1);

        sink.config("broken", new TenantConfig(false, null, null, null));

        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DROPPED, "reason", Route.TENANT_DISABLED) == 3);
        down.restart();
        List<JsonNode> receipts = receipts();
        assertThat(receipts).filteredOn(r -> r.get("outcome").asText().equals("dropped")).hasSize(3)
                .allSatisfy(r -> assertThat(r.get("cause").asText()).isEqualTo("tenant-disabled"));
        assertThat(receipts).filteredOn(r -> r.get("outcome").asText().equals("retried")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("cause").asText()).isEqualTo("connect"));
        assertThat(down.requests()).isEmpty();
    }

    @Test
    void everyOutcomeHasAReceipt() throws IOException {
        healthy.respondWith(r -> Reply.status(r.body().contains(String.valueOf(SinkHarness.SEQ_BASE + 2)) ? 400 : 204));
        sink.startSink();

        sink.notify("acme", "u1", 1);
        sink.notify("acme", "u1", 2);

        await().atMost(WAIT).until(() -> receipts().size() == 2);
        JsonNode delivered = receipts().get(0);
        assertThat(delivered.get("tenant").asText()).isEqualTo("acme");
        assertThat(delivered.get("key").asText()).isEqualTo("acme/u1");
        assertThat(delivered.get("sequenceNum").asLong()).isEqualTo(SinkHarness.SEQ_BASE + 1);
        assertThat(delivered.get("outcome").asText()).isEqualTo("delivered");
        assertThat(delivered.get("attempt").asInt()).isEqualTo(1);
        assertThat(delivered.get("status").asInt()).isEqualTo(204);
        assertThat(delivered.get("latencyMs").asLong()).isNotNegative();
        assertThat(delivered.get("time").asLong()).isPositive();
        JsonNode dead = receipts().get(1);
        assertThat(dead.get("outcome").asText()).isEqualTo("dead-lettered");
        assertThat(dead.get("status").asInt()).isEqualTo(400);
        assertThat(dead.get("cause").asText()).isEqualTo("http-status");
    }

    @Test
    void receiptsCanBeSwitchedOff() {
        sink.with("SNS_RECEIPTS_ENABLED", "false");
        sink.startSink();
        sink.notify("acme", "u1", 1);

        await().atMost(WAIT).until(() -> healthy.requestsTo("/hook").size() == 1);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> sink.kafka.readAll(sink.topics.deliveryReceipts()).isEmpty());
    }

    @Test
    void aNotificationOlderThanTheMaxAgeGoesToTheDeadLetterTopic() {
        down.stop();
        sink.with("SNS_RETRY_MAX_AGE", "2s");
        sink.config("broken", down.url("/hook"));
        sink.startSink();

        sink.notify("broken", "u1", 1);

        ConsumerRecord<String, byte[]> dead = sink.kafka.awaitRecords(sink.topics.notificationsDlq(), 1, WAIT).get(0);
        assertThat(TestKafka.header(dead, "sns.error.reason")).isEqualTo("max-age-exceeded");
        assertThat(TestKafka.header(dead, "sns.error.message")).contains("SNS_RETRY_MAX_AGE").contains("Connection refused");
        assertThat(TestKafka.header(dead, "sns.source.topic")).isEqualTo(sink.topics.notifications());
    }

    private List<JsonNode> receipts() throws IOException {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : sink.kafka.readAll(sink.topics.deliveryReceipts())) {
            nodes.add(Json.mapper().readTree(record.value()));
        }
        return nodes;
    }
}
