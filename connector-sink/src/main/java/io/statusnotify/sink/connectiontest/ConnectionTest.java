package io.statusnotify.sink.connectiontest;

import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.sink.config.SecuritySettings;

import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.HttpSender;
import io.statusnotify.sink.config.TenantSecrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretException;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The seed's "Connection test": sends one test notification to a tenant's server with the sink's own HTTP client,
 * TLS, destination policy, credentials and signing, and says in plain words what happened. The test notification
 * has the notification's envelope with {@code "test": true}, {@code sequenceNum} 0 and a user named
 * {@code statusnotify-test}, and comes with the header {@code statusnotify-test: 1}; a receiver should answer 2xx
 * and otherwise ignore it.
 */
public final class ConnectionTest {
    public static final String TEST_HEADER = "statusnotify-test";
    public static final String TEST_USER = "statusnotify-test";

    /** {@code status} is null when no HTTP response came (then {@code message} says why). */
    public record Result(boolean passed, Integer status, Duration took, String message) {
    }

    private ConnectionTest() {
    }

    /**
     * Tests {@code config} of {@code tenant} (its secrets sealed or clear: the operator's own input is accepted in
     * clear here, whatever the sink allows). Blocks until the answer or the timeouts.
     */
    public static Result run(String tenant, TenantConfig config, SecuritySettings security, HttpSettings http) {
        TenantConfig opened;
        try {
            opened = new TenantSecrets(new SecretBox(security.secretKeys()), true).open(tenant, config.requireValid())
                    .requireValid();
            TenantSecrets.requireUsableTls(opened, config.clientKey());
        } catch (SecretException | io.statusnotify.schema.BadRecordException e) {
            return new Result(false, null, Duration.ZERO, "not sent, the config cannot be used: " + e.getMessage());
        }
        byte[] body = testNotification(tenant, Clock.systemUTC().millis());
        try (HttpSender sender = new HttpSender(http.connectTimeout(), http.responseTimeout(), 1,
                security.destinations(), security.extraCas())) {
            CompletableFuture<AttemptResult> answer = new CompletableFuture<>();
            long start = System.nanoTime();
            sender.post(opened, "0", body, answer::complete, TEST_HEADER);
            AttemptResult result = answer.orTimeout(http.connectTimeout().plus(http.responseTimeout()).toMillis() + 5_000,
                    TimeUnit.MILLISECONDS).exceptionally(e -> new AttemptResult.Failure(new java.net.SocketTimeoutException(
                            "no answer in time"))).join();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return ConnectionTestWords.describe(result, took, opened);
        }
    }

    /** The documented test notification (see the class comment). */
    static byte[] testNotification(String tenant, long nowMillis) {
        ObjectNode notification = Json.mapper().createObjectNode()
                .put("version", Notification.VERSION)
                .put("sequenceNum", 0)
                .put("creationTimestamp", nowMillis)
                .put("queueTimestamp", nowMillis)
                .put("test", true);
        notification.putObject("userStatusNotification").putObject("user")
                .put("userName", TEST_USER)
                .put("displayName", "statusnotify connection test")
                .put("userState", "Online")
                .put("tenantName", tenant);
        return Json.write(notification);
    }
}
