package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HttpSenderTest {
    private static final byte[] BODY = "{\"version\":1,\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
    private final RecordingReceiver receiver = RecordingReceiver.start();
    private final HttpSender sender = new HttpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), 10);
    /** Only for the test of the response timeout itself. */
    private final HttpSender impatient = new HttpSender(Duration.ofSeconds(5), Duration.ofMillis(500), 10);

    @AfterEach
    void tearDown() {
        sender.close();
        impatient.close();
        receiver.close();
    }

    private AttemptResult post(TenantConfig target, byte[] body) {
        return post(sender, target, body);
    }

    /** The sender is asynchronous; these tests look at one attempt's result at a time. */
    private static AttemptResult post(HttpSender sender, TenantConfig target, byte[] body) {
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        sender.post(target, body, result::complete);
        return result.orTimeout(10, TimeUnit.SECONDS).join();
    }

    private TenantConfig target(String path, String username, String password) {
        return new TenantConfig(true, receiver.url(path), username, password);
    }

    @Test
    void postsTheBodyAsJsonWithBasicAuth() {
        AttemptResult result = post(target("/hook", "zoë", "pä:ss"), BODY);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Response.class, r -> assertThat(r.status()).isEqualTo(204));
        RecordingReceiver.Received request = receiver.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hook");
        assertThat(request.body()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).startsWith("statusnotify/");
        String auth = request.header("authorization");
        assertThat(auth).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8)).isEqualTo("zoë:pä:ss");
    }

    @Test
    void sendsNoAuthorizationWithoutAUsername() {
        post(target("/open", null, "ignored"), BODY);

        assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.header("authorization")).isNull());
    }

    @Test
    void doesNotFollowRedirects() {
        receiver.respondWith(r -> r.path().equals("/old")
                ? new Reply(302, Map.of("Location", receiver.url("/new"))) : Reply.status(204));

        AttemptResult result = post(target("/old", null, null), BODY);

        assertThat(result).isInstanceOf(AttemptResult.Response.class);
        assertThat(((AttemptResult.Response) result).status()).isEqualTo(302);
        assertThat(receiver.requestsTo("/new")).isEmpty();
        assertThat(ResponsePolicy.classify(result, Instant.now())).isEqualTo(new Verdict.Fail("3xx"));
    }

    @Test
    void passesRetryAfterOn() {
        receiver.respondWith(r -> new Reply(429, Map.of("Retry-After", "3")));

        AttemptResult result = post(target("/busy", null, null), BODY);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Response.class, r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.retryAfter()).isEqualTo("3");
        });
    }

    @Test
    void aSlowServerIsATimeout() {
        receiver.respondWith(r -> {
            try {
                Thread.sleep(2_000); // the server is slow, not the test: it waits for the client's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.status(204);
        });

        AttemptResult result = post(impatient, target("/slow", null, null), BODY);

        assertThat(result).isInstanceOf(AttemptResult.Failure.class);
        assertThat(ResponsePolicy.classify(result, Instant.now())).isInstanceOf(Verdict.Retry.class)
                .extracting(v -> ((Verdict.Retry) v).cause()).isEqualTo("timeout");
    }

    @Test
    void aStoppedServerIsAConnectionError() {
        receiver.stop();

        AttemptResult result = post(target("/down", null, null), BODY);

        assertThat(ResponsePolicy.classify(result, Instant.now())).isInstanceOf(Verdict.Retry.class)
                .extracting(v -> ((Verdict.Retry) v).cause()).isEqualTo("connect");
    }

    @Test
    void reusesPooledConnections() {
        for (int i = 0; i < 3; i++) {
            assertThat(post(target("/hook", null, null), BODY)).isInstanceOf(AttemptResult.Response.class);
        }
        assertThat(receiver.requests()).hasSize(3);
    }
}
