package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The destination policy and Standard Webhooks signing, through the real client against a real server. */
class HttpSenderPolicyTest {
    private static final byte[] BODY = "{\"sequenceNum\":4711,\"x\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
    private final RecordingReceiver receiver = RecordingReceiver.start();
    private final List<HttpSender> senders = new ArrayList<>();

    @AfterEach
    void tearDown() {
        senders.forEach(HttpSender::close);
        receiver.close();
    }

    private HttpSender sender(Map<String, String> policy) {
        HttpSender sender = new HttpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), 10,
                DestinationPolicy.from(Settings.of(policy)), List.of());
        senders.add(sender);
        return sender;
    }

    private static AttemptResult post(HttpSender sender, TenantConfig target) {
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        sender.post(target, BODY, result::complete);
        return result.orTimeout(15, TimeUnit.SECONDS).join();
    }

    private static String refusal(AttemptResult result) {
        assertThat(result).isInstanceOf(AttemptResult.Failure.class);
        Exception error = ((AttemptResult.Failure) result).error();
        assertThat(error).isInstanceOf(DestinationRefusedException.class);
        assertThat(ResponsePolicy.classify(result, Instant.now())).isEqualTo(new Verdict.Fail("destination-refused"));
        return error.getMessage();
    }

    @Test
    void theMetadataAddressIsRefusedByDefaultWithoutConnecting() {
        AttemptResult result = post(sender(Map.of()), new TenantConfig(true, "http://169.254.169.254/latest/meta-data", null, null));

        assertThat(refusal(result)).isEqualTo("destination-refused: 169.254.169.254 is in denied range 169.254.0.0/16");
    }

    @Test
    void anIpLiteralInADeniedRangeIsRefusedAndNothingArrives() {
        AttemptResult result = post(sender(Map.of("SNS_DESTINATION_DENY", "127.0.0.0/8")),
                new TenantConfig(true, receiver.url("/hook"), null, null));

        assertThat(refusal(result)).isEqualTo("destination-refused: 127.0.0.1 is in denied range 127.0.0.0/8");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aHostNameIsCheckedOnEveryAddressItResolvesTo() {
        AttemptResult result = post(sender(Map.of("SNS_DESTINATION_DENY", "127.0.0.0/8,::1/128")),
                new TenantConfig(true, "http://localhost:" + receiver.port() + "/hook", null, null));

        assertThat(refusal(result)).contains("is in denied range").endsWith("(resolved from localhost)");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void anExplicitlyAllowedAddressWinsOverADeniedRange() {
        AttemptResult result = post(sender(Map.of("SNS_DESTINATION_DENY", "127.0.0.0/8", "SNS_DESTINATION_ALLOW", "127.0.0.1")),
                new TenantConfig(true, receiver.url("/hook"), null, null));

        assertThat(result).isEqualTo(new AttemptResult.Response(204, "No Content", null));
    }

    @Test
    void privateAndLoopbackAddressesAreAllowedByDefault() {
        assertThat(post(sender(Map.of()), new TenantConfig(true, receiver.url("/hook"), null, null)))
                .isEqualTo(new AttemptResult.Response(204, "No Content", null));
    }

    @Test
    void aSigningTenantsRequestsCarryAStandardWebhooksSignatureOfIdTimestampAndBody() throws Exception {
        byte[] key = "a-32-byte-signing-key-for-tests!".getBytes(StandardCharsets.US_ASCII);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        TenantConfig signing = new TenantConfig(true, receiver.url("/signed"), null, null, null, null, null, null, null,
                Secret.clear(secret));
        long before = Instant.now().getEpochSecond();

        post(sender(Map.of()), signing);

        RecordingReceiver.Received request = receiver.requests().get(0);
        assertThat(request.header("webhook-id")).isEqualTo("4711");
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
        // The standard's verification, written out independently of the sender's code.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("4711." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + expected);
    }

    @Test
    void aTenantWithoutSigningSecretGetsNoSignatureHeaders() {
        post(sender(Map.of()), new TenantConfig(true, receiver.url("/plain"), null, null));

        assertThat(receiver.requests().get(0).headers()).doesNotContainKeys("webhook-id", "webhook-signature", "webhook-timestamp");
    }
}
