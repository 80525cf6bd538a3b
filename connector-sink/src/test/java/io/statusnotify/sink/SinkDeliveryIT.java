package io.statusnotify.sink;

import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.status.SinkMetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;
import io.statusnotify.testing.RecordingReceiver.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.statusnotify.sink.SinkHarness.SEQ_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SinkDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension();
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiver();

    @Test
    void deliversTheSeedNotificationWithQueueTimestampAndBasicAuth() throws Exception {
        sink.config("acme", receiver.url("/hooks/acme"));
        sink.startSink();
        long before = System.currentTimeMillis();

        sink.notify("acme", 1);

        await().atMost(WAIT).until(() -> receiver.requestsTo("/hooks/acme").size() == 1);
        Received request = receiver.requestsTo("/hooks/acme").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        String credentials = new String(Base64.getDecoder().decode(request.header("authorization").substring(6)),
                StandardCharsets.UTF_8);
        assertThat(credentials).isEqualTo(SinkHarness.USERNAME + ":" + SinkHarness.PASSWORD);

        JsonNode body = Json.mapper().readTree(request.body());
        long queued = body.get("queueTimestamp").asLong();
        assertThat(queued).isBetween(before, request.receivedAtMillis());
        ObjectNode expected = (ObjectNode) Json.mapper().readTree(SinkHarness.seedBytes());
        expected.put("sequenceNum", SEQ_BASE + 1);
        expected.put("creationTimestamp", 1_764_000_000_000L + SEQ_BASE + 1);
        expected.put("queueTimestamp", queued);
        ((ObjectNode) expected.get("userStatusNotification").get("user")).put("tenantName", "acme");
        assertThat(body).isEqualTo(expected);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 1);
    }

    @Test
    void givenANotificationHeldBehindItsUsersPreviousOne_whenThatOneIsAnswered_thenItIsStampedWhenItIsSentNotWhenPolled()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        receiver.respondWith(r -> {
            if (r.body().contains(String.valueOf(SEQ_BASE + 1))) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Reply.status(204);
        });
        sink.config("acme", receiver.url("/hook"));
        sink.startSink();
        try {
            sink.notify("acme", 1);
            await().atMost(WAIT).until(() -> receiver.requestsTo("/hook").size() == 1);
            sink.notify("acme", 2); // the same user: it waits in its lane until the first is answered

            await().atMost(WAIT).until(() -> sink.gauge(SinkMetrics.BUFFERED, "topic", "notifications") == 2);
            long polledBy = System.currentTimeMillis();
            await().atMost(WAIT).until(() -> System.currentTimeMillis() > polledBy);
            long answeredFrom = System.currentTimeMillis();
            release.countDown();

            await().atMost(WAIT).until(() -> receiver.requestsTo("/hook").size() == 2);
            long first = Json.mapper().readTree(receiver.requestsTo("/hook").get(0).body()).get("queueTimestamp").asLong();
            Received second = receiver.requestsTo("/hook").get(1);
            long stamped = Json.mapper().readTree(second.body()).get("queueTimestamp").asLong();
            assertThat(second.body()).contains(String.valueOf(SEQ_BASE + 2));
            assertThat(stamped).isGreaterThanOrEqualTo(answeredFrom).isGreaterThan(polledBy).isGreaterThan(first)
                    .isLessThanOrEqualTo(second.receivedAtMillis());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aDisabledTenantGetsNothingAndItsOffsetIsCommitted() throws Exception {
        sink.config("off", new TenantConfig(false, receiver.url("/off"), SinkHarness.USERNAME, SinkHarness.PASSWORD));
        sink.config("on", receiver.url("/on"));
        sink.notify("off", 1);
        sink.notify("on", 2);

        sink.startSink();

        await().atMost(WAIT).until(() -> receiver.requestsTo("/on").size() == 1);
        await().atMost(WAIT).until(() -> sink.committedOffsets() == 2);
        assertThat(receiver.requestsTo("/off")).isEmpty();
        assertThat(sink.count(SinkMetrics.DROPPED, "reason", Route.TENANT_DISABLED)).isEqualTo(1);
    }

    @Test
    void aNewUrlTakesEffectForTheNextMessage() {
        sink.config("acme", receiver.url("/a"));
        // /a only accepts the first message; a later one there is retried until the new URL is seen.
        receiver.respondWith(r -> r.path().equals("/a") && !r.body().contains(String.valueOf(SEQ_BASE + 1))
                ? Reply.status(503) : Reply.status(204));
        sink.with("SNS_RETRY_MAX_ATTEMPTS", "200");
        sink.startSink();
        sink.notify("acme", 1);
        await().atMost(WAIT).until(() -> receiver.requestsTo("/a").size() == 1);

        sink.config("acme", receiver.url("/b"));
        sink.notify("acme", 2);

        await().atMost(WAIT).until(() -> receiver.requestsTo("/b").size() == 1);
        assertThat(receiver.requestsTo("/b").get(0).body()).contains(String.valueOf(SEQ_BASE + 2));
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DELIVERED, "tenant", "acme") == 2);
    }

    @Test
    void anUnusableConfigRecordStopsOnlyItsOwnTenant() {
        sink.config("good", receiver.url("/good"));
        sink.kafka.send(sink.topics.tenantConfig(), "broken", "{not json, password: " + SinkHarness.PASSWORD + "}");
        sink.config("kept", receiver.url("/kept"));
        sink.kafka.send(sink.topics.tenantConfig(), "kept",
                "{\"enabled\": true, \"serverUrl\": \"ftp://nope\", \"password\": \"" + SinkHarness.PASSWORD + "\"}");
        sink.notify("broken", 1);
        sink.notify("good", 2);
        sink.notify("kept", 3);

        sink.startSink();

        // The latest record of "broken" and of "kept" is unusable: both fail closed, like the streams app.
        await().atMost(WAIT).until(() -> receiver.requestsTo("/good").size() == 1);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.DROPPED, "reason", Route.INVALID_TENANT_CONFIG) == 2);
        assertThat(receiver.requests()).hasSize(1);
    }
}
