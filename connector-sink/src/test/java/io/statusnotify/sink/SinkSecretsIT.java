package io.statusnotify.sink;

import io.statusnotify.sink.status.SinkMetrics;
import io.statusnotify.sink.http.WebhookSignature;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.RecordingReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.statusnotify.sink.SinkHarness.SEQ_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A sink with a key ring and clear text refused: sealed secrets are opened, and sealed signing secrets sign. */
class SinkSecretsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = SecretKeys.generateLine("k1").substring(3);
    private static final SecretBox BOX = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:" + KEY))));
    private static final String SIGNING_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "sixteen+ bytes of signing key!".getBytes(StandardCharsets.US_ASCII));
    @RegisterExtension
    final SinkHarnessExtension harness = new SinkHarnessExtension().with(SecretKeys.KEYS, "k1:" + KEY)
            .with("SNS_ALLOW_CLEARTEXT_PASSWORDS", "false").logNeverContains(SIGNING_SECRET);
    private final SinkHarness sink = harness.sink();
    private final RecordingReceiver receiver = harness.receiver();

    @Test
    void aSealedPasswordAndSigningSecretAreOpenedAndUsedForDelivery() throws Exception {
        sink.config("acme", new TenantConfig(true, receiver.url("/hooks/acme"), SinkHarness.USERNAME,
                BOX.seal("acme", TenantConfig.PASSWORD, SinkHarness.PASSWORD), null, null, null, null, null,
                BOX.seal("acme", TenantConfig.SIGNING_SECRET, SIGNING_SECRET)));
        sink.startSink();

        sink.notify("acme", 1);

        await().atMost(WAIT).until(() -> receiver.requestsTo("/hooks/acme").size() == 1);
        RecordingReceiver.Received request = receiver.requestsTo("/hooks/acme").get(0);
        assertThat(request.header("authorization")).isEqualTo(SinkHarness.authorizationHeader());
        assertThat(request.header("webhook-id")).isEqualTo(Long.toString(SEQ_BASE + 1));
        assertThat(request.header("webhook-signature")).isEqualTo(WebhookSignature.of(SIGNING_SECRET)
                .sign(request.header("webhook-id"), Long.parseLong(request.header("webhook-timestamp")),
                        request.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aClearPasswordIsRefusedItsNotificationsWaitUntilTheRecordChangesAndOtherTenantsAreServed() throws Exception {
        sink.config("clear", new TenantConfig(true, receiver.url("/hooks/clear"), SinkHarness.USERNAME, SinkHarness.PASSWORD));
        sink.config("acme", new TenantConfig(true, receiver.url("/hooks/acme"), SinkHarness.USERNAME,
                BOX.seal("acme", TenantConfig.PASSWORD, SinkHarness.PASSWORD), null, null, null, null, null, null));
        sink.startSink();

        sink.notify("clear", "u1", 1);
        sink.notify("clear", "u1", 2);
        sink.notify("acme", 1);

        // The other tenant is served; the refused one's notifications are parked, nothing is sent for them.
        await().atMost(WAIT).until(() -> receiver.requestsTo("/hooks/acme").size() == 1);
        await().atMost(WAIT).until(() -> sink.count(SinkMetrics.PARKED, "tenant", "clear", "cause",
                "credentials-unusable") >= 1);
        assertThat(receiver.requestsTo("/hooks/clear")).isEmpty();
        assertThat(SinkHarness.capturedLog()).contains("Tenant 'clear' gets nothing until its config record changes",
                "password: clear text is not accepted");

        // When its record changes to a sealed password, both arrive, in order.
        sink.config("clear", new TenantConfig(true, receiver.url("/hooks/clear"), SinkHarness.USERNAME,
                BOX.seal("clear", TenantConfig.PASSWORD, SinkHarness.PASSWORD), null, null, null, null, null, null));
        await().atMost(WAIT).until(() -> receiver.requestsTo("/hooks/clear").size() == 2);
        assertThat(SinkHarness.sequence(receiver, "/hooks/clear", "u1")).containsExactly(1L, 2L);
        assertThat(sink.kafka.readAll(sink.topics.notificationsDlq())).isEmpty();
    }
}
