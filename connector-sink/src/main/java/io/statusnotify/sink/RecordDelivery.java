package io.statusnotify.sink;

import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import io.statusnotify.logging.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * Takes one notification record to its end: delivered, dropped by config, or dead-lettered (acknowledged) — or
 * abandoned, uncommitted, when the sink stops or loses the partition while waiting. The tenant's config is read
 * again before every attempt, so URL, credentials and switches are always the current ones.
 */
final class RecordDelivery {
    enum Outcome { DONE, ABANDONED }

    private static final Logger LOG = LoggerFactory.getLogger(RecordDelivery.class);
    private static final Throttle DROP_LOG = new Throttle(Duration.ofMinutes(1));
    private static final Duration DLQ_RETRY_WAIT = Duration.ofSeconds(1);
    static final String REQUEST_FAILED = "request-failed";

    private final TenantConfigView view;
    private final HttpSender sender;
    private final DeadLetterWriter deadLetters;
    private final Backoff backoff;
    private final int maxAttempts;
    private final SinkMetrics metrics;
    private final Clock clock;

    RecordDelivery(TenantConfigView view, HttpSender sender, DeadLetterWriter deadLetters, Backoff backoff,
                   int maxAttempts, SinkMetrics metrics, Clock clock) {
        this.view = view;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    Outcome deliver(ConsumerRecord<String, byte[]> record, Waiter waiter) {
        Notification notification;
        try {
            notification = readNotification(record.value());
        } catch (BadRecordException e) {
            LOG.warn("Dead-lettering malformed notification at {}-{}@{}: {} ({})", record.topic(), record.partition(),
                    record.offset(), e.reason(), e.getMessage());
            return deadLetter(record, new DeadLetter(NotificationKey.tenantOf(record.key()), DeadLetter.MALFORMED, null,
                    e.reason() + ": " + e.getMessage(), 0, null, null, record.topic(), record.partition(), record.offset()), waiter);
        }
        String tenant = notification.tenant();
        Route route = view.route(tenant);
        // Stamped once: every retry sends the very same bytes, so receivers can de-duplicate.
        byte[] body = Json.write(notification.withQueueTimestamp(clock.millis()));
        long firstAttemptAt = clock.millis();
        for (int attempt = 1; ; attempt++) {
            if (route instanceof Route.Drop drop) {
                metrics.dropped(drop.reason());
                if (DROP_LOG.allow(tenant + "|" + drop.reason())) {
                    LOG.info("Not sending to tenant {}: {} (logged at most once a minute per tenant and reason, all"
                            + " counted in sns.sink.dropped)", tenant, drop.reason());
                }
                return Outcome.DONE;
            }
            TenantConfig target = ((Route.Send) route).target();
            metrics.attempt(tenant);
            AttemptResult result = sender.post(target, body);
            long attemptAt = clock.millis();
            Verdict verdict = ResponsePolicy.classify(result, clock.instant());
            if (verdict instanceof Verdict.Success) {
                metrics.delivered(tenant);
                return Outcome.DONE;
            }
            String error = describe(result, target);
            Integer status = result instanceof AttemptResult.Response r ? r.status() : null;
            String cause = verdict instanceof Verdict.Retry retry ? retry.cause() : ((Verdict.Fail) verdict).cause();
            metrics.failure(tenant, cause);
            LOG.warn("Delivery to tenant {} failed, attempt {} of {}{}: {} [{}] url={} record={}-{}@{}", tenant, attempt,
                    maxAttempts, verdict instanceof Verdict.Fail ? " (not retryable)" : "", error, cause,
                    SafeText.url(target.serverUrl()), record.topic(), record.partition(), record.offset());
            if (verdict instanceof Verdict.Fail || attempt >= maxAttempts) {
                String reason = verdict instanceof Verdict.Retry ? DeadLetter.RETRIES_EXHAUSTED
                        : status != null ? DeadLetter.HTTP_STATUS : REQUEST_FAILED;
                return deadLetter(record, new DeadLetter(tenant, reason, status, error, attempt, firstAttemptAt, attemptAt,
                        record.topic(), record.partition(), record.offset()), waiter);
            }
            if (!waiter.await(backoff.delay(attempt, ((Verdict.Retry) verdict).retryAfter()))) {
                return Outcome.ABANDONED;
            }
            route = view.route(tenant);
        }
    }

    private static Notification readNotification(byte[] value) {
        Notification notification = Json.read(value, Notification.class);
        String tenant = notification.tenant();
        if (tenant == null || tenant.isBlank()) {
            throw new BadRecordException("missing-field", "userStatusNotification.user.tenantName is required");
        }
        return notification;
    }

    /** The status line, or the exception's class and message, with the tenant's password masked just in case. */
    private static String describe(AttemptResult result, TenantConfig target) {
        if (result instanceof AttemptResult.Response response) {
            return response.statusLine();
        }
        Exception e = ((AttemptResult.Failure) result).error();
        return SafeText.scrub(e.getClass().getName() + ": " + e.getMessage(), target.password());
    }

    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, DeadLetter letter, Waiter waiter) {
        while (true) {
            try {
                deadLetters.write(record, letter);
                metrics.deadLettered(letter.reason());
                LOG.warn("Dead-lettered record {}-{}@{} of tenant {} to {}: {}", record.topic(), record.partition(),
                        record.offset(), letter.tenant(), deadLetters.topic(), letter.reason());
                return Outcome.DONE;
            } catch (ExecutionException | KafkaException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.error("Cannot write to dead-letter topic {} (will retry): {}", deadLetters.topic(), cause.toString());
                if (!waiter.await(DLQ_RETRY_WAIT)) return Outcome.ABANDONED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.ABANDONED;
            }
        }
    }
}
