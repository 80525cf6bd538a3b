package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.Route;
import io.statusnotify.sink.config.TenantConfigView;
import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.DestinationRefusedException;
import io.statusnotify.sink.http.Verdict;

import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

import static io.statusnotify.sink.kafka.DeadLetter.HTTP_STATUS;
import static io.statusnotify.sink.kafka.DeadLetter.REQUEST_FAILED;
import static io.statusnotify.sink.kafka.DeadLetter.RETRIES_EXHAUSTED;

/**
 * What one attempt's answer means, as a typed result: {@link Delivered}, {@link DeadLetter}, {@link Retry} (from the
 * retry topic, not before a time) or {@link Refused} (held there until the tenant's config changes). On the way it
 * records what the attempt taught: on the item its status, cause, error and next try; on the tenant its counts, last
 * error and circuit ({@link TenantCircuit}'s own transitions). The dispatcher carries the result out: lanes, outcomes,
 * metrics, timers. Engine thread only.
 */
final class AnswerRules {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerRules.class);

    /** What comes next for the notification; {@link #probeAt()}: when its tenant's probe is now due (0: unchanged). */
    sealed interface Next permits Delivered, Failed {
        default long probeAt() {
            return 0;
        }
    }

    /** Sent; {@code recovered}: that closed the tenant's circuit, so its parked notifications go now. */
    record Delivered(boolean recovered) implements Next {
    }

    /** Not sent; {@link #logged()} ends the failure's log line. */
    sealed interface Failed extends Next permits DeadLetter, Retry, Refused {
        String logged();
    }

    /** Given up, to the DLQ with {@code reason} ({@code kafka.DeadLetter}'s reasons). */
    record DeadLetter(String reason, String logged, long probeAt) implements Failed {
    }

    /** Tried again from the retry topic, not before {@code notBefore} (0: as soon as its tenant lets it). */
    record Retry(String cause, long notBefore, long probeAt) implements Failed {
        @Override
        public String logged() {
            return "will retry";
        }
    }

    /** The tenant refused it (401/403/410): on the retry topic until the tenant's config record changes. */
    record Refused(String cause) implements Failed {
        @Override
        public String logged() {
            return "parked until the tenant's config changes";
        }
    }

    private final TenantConfigView view;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final RetrySettings retry;

    AnswerRules(TenantConfigView view, Clock clock, RetrySchedule schedule, RetrySettings retry) {
        this.view = view;
        this.clock = clock;
        this.schedule = schedule;
        this.retry = retry;
    }

    Next judge(Requests.Answered answer) {
        Item item = answer.item();
        TenantState tenant = answer.tenant();
        AttemptResult result = answer.result();
        Verdict verdict = answer.verdict();
        // An answer to a config that has since been replaced says nothing about the tenant as it is now.
        boolean current = view.route(tenant.name) instanceof Route.Send send && send.target().equals(answer.config());
        TenantCircuit.Attempt attempt = new TenantCircuit.Attempt(answer.config(), current, answer.probe());
        long now = clock.millis();
        item.lastStatus = result instanceof AttemptResult.Response r ? r.status() : null;
        if (verdict instanceof Verdict.Success) {
            tenant.countDelivered(now, answer.latencyNanos() / 1_000_000);
            boolean recovered = tenant.circuit.succeeded(now, attempt);
            if (recovered) {
                LOG.info("Tenant {} answers again; delivering its parked notifications, in order, before newer ones", tenant.name);
            }
            return new Delivered(recovered);
        }
        String cause = verdict instanceof Verdict.Retry r ? r.cause()
                : verdict instanceof Verdict.Park p ? p.cause() : ((Verdict.Fail) verdict).cause();
        item.lastCause = cause;
        item.lastError = describe(result, attempt.config());
        tenant.countFailed(now);
        tenant.noteError(item.lastError, now);
        if (verdict instanceof Verdict.Fail) {
            String reason = item.lastStatus != null ? HTTP_STATUS
                    : DestinationRefusedException.CAUSE.equals(cause) ? DestinationRefusedException.CAUSE
                    : REQUEST_FAILED;
            return new DeadLetter(reason, "not retryable; dead-lettering", 0);
        }
        Failed next = verdict instanceof Verdict.Park ? refused(item, tenant, attempt, cause)
                : retry(item, tenant, attempt, (Verdict.Retry) verdict, now);
        item.notBeforeSetAt = now;
        if (!retry.exhausted(item.attempts)) return next;
        return new DeadLetter(RETRIES_EXHAUSTED, "tried SNS_RETRY_MAX_ATTEMPTS times; dead-lettering", next.probeAt());
    }

    private Refused refused(Item item, TenantState tenant, TenantCircuit.Attempt attempt, String cause) {
        if (tenant.circuit.refused(attempt)) {
            LOG.warn("Tenant {} refuses our requests ({}); parking its notifications until its config record changes",
                    tenant.name, item.lastError);
        }
        item.notBefore = 0;
        return new Refused(cause);
    }

    /** The circuit's wait, when open, else the retry schedule's for this attempt; none for an old config's answer. */
    private Retry retry(Item item, TenantState tenant, TenantCircuit.Attempt attempt, Verdict.Retry verdict, long now) {
        if (!attempt.current()) {
            item.notBefore = 0;
            return new Retry(verdict.cause(), 0, 0);
        }
        long probeAt = probeAt(tenant, tenant.circuit.failed(now, attempt, verdict), verdict);
        long openUntil = tenant.circuit.openUntil();
        item.notBefore = openUntil != 0 ? openUntil
                : now + schedule.delay(item.attempts, verdict.throttled(), verdict.retryAfter()).toMillis();
        return new Retry(verdict.cause(), item.notBefore, probeAt);
    }

    /** After a failure that opened the circuit or kept it open longer, its probe is due at the new time. */
    private static long probeAt(TenantState tenant, TenantCircuit.Failed failed, Verdict.Retry verdict) {
        if (failed instanceof TenantCircuit.Opened opened) {
            if (opened.fromClosed()) {
                LOG.warn("Tenant {} is failing ({}); its notifications go to the retry topic, next try in {} ms",
                        tenant.name, verdict.cause(), opened.delayMillis());
            }
            return opened.nextProbeAt();
        }
        return failed instanceof TenantCircuit.Extended extended ? extended.nextProbeAt() : 0;
    }

    /** The status line, or the exception's class and message, with the tenant's password masked just in case. */
    private static String describe(AttemptResult result, TenantConfig target) {
        if (result instanceof AttemptResult.Response response) return response.statusLine();
        Exception e = ((AttemptResult.Failure) result).error();
        return SafeText.scrub(e.getClass().getName() + ": " + e.getMessage(), Secret.clearText(target.password()));
    }
}
