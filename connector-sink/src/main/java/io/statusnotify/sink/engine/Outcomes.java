package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.DeadLetter;
import io.statusnotify.sink.kafka.Outbox;
import io.statusnotify.sink.kafka.ParkedKeys;
import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.status.SinkMetrics;

import io.statusnotify.logging.Throttle;
import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.DeliveryReceipt;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How a notification leaves the sink's hands — delivered, dropped, parked on the retry topic, or dead-lettered — with
 * its offset marked done (only once Kafka has what was written), its metrics, its log line and its receipt.
 * Engine thread only; producer callbacks come back through {@code engine}.
 */
final class Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);
    private static final Throttle DROP_LOG = new Throttle(Duration.ofMinutes(1));
    private static final Duration WRITE_RETRY = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final SinkMetrics metrics;
    private final ParkedKeys parked;
    private final Timers timers;
    private final Executor engine;
    private final Clock clock;
    private final boolean receipts;

    Outcomes(Outbox outbox, SinkMetrics metrics, ParkedKeys parked, Timers timers, Executor engine, Clock clock,
             boolean receipts) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.parked = parked;
        this.timers = timers;
        this.engine = engine;
        this.clock = clock;
        this.receipts = receipts;
    }

    void delivered(KeyLane lane, Item item) {
        finish(lane, item, DeliveryReceipt.DELIVERED, item.lastStatus, null);
        metrics.delivered(item.tenant, clock.millis() - item.createdAt);
    }

    void dropped(KeyLane lane, Item item, String reason) {
        finish(lane, item, DeliveryReceipt.DROPPED, item.lastStatus, reason);
        metrics.dropped(item.tenant, reason);
        if (DROP_LOG.allow(item.tenant + "|" + reason)) {
            LOG.info("Not sending to tenant {}: {} (logged at most once a minute per tenant and reason, all counted in"
                    + " sns.sink.dropped)", item.tenant, reason);
        }
    }

    /**
     * Moves the notification to the retry topic; its key's newer notifications follow it there until it is done. The
     * lane is {@link KeyLane.State#PARKING} until Kafka has it, so the key's next one waits and order holds; then
     * {@code written} runs. {@code withReceipt}: false when the failed attempt already published one.
     */
    void park(KeyLane lane, Item item, String cause, boolean withReceipt, Runnable written) {
        lane.state = KeyLane.State.PARKING;
        parked.parked(lane.partition(), lane.key);
        metrics.parked(item.tenant, cause);
        if (withReceipt) receipt(item, DeliveryReceipt.PARKED, null, cause);
        writeRecord(lane.work, item.offset(), "retry topic", done -> outbox.park(item.record, item.body, item.parked(), done),
                () -> {
                    lane.state = KeyLane.State.IDLE;
                    written.run();
                });
    }

    void deadLetter(KeyLane lane, Item item, String reason, Duration maxAge) {
        String message = maxAge != null && DeadLetter.MAX_AGE.equals(reason)
                ? "older than SNS_RETRY_MAX_AGE (" + maxAge + ")" + (item.lastError == null ? "" : "; last error: " + item.lastError)
                : item.lastError;
        RetryHeaders.Carried from = item.carried;
        DeadLetter letter = new DeadLetter(item.tenant, reason, item.lastStatus, message, item.attempts,
                item.firstAttemptAt == 0 ? null : item.firstAttemptAt, item.attempts == 0 ? null : clock.millis(),
                from.sourceTopic(), from.sourcePartition(), from.sourceOffset());
        LOG.warn("Dead-lettering notification {}-{}@{} of tenant {} to {}: {}", from.sourceTopic(), from.sourcePartition(),
                from.sourceOffset(), item.tenant, outbox.deadLetterTopic(), reason);
        if (lane.fromRetryTopic()) parked.finished(lane.partition(), lane.key);
        metrics.deadLettered(item.tenant, reason);
        afterReceipt(lane.work, receiptOf(item, DeliveryReceipt.DEAD_LETTERED, item.lastStatus, reason),
                () -> writeRecord(lane.work, item.offset(), "dead-letter topic",
                        done -> outbox.deadLetter(item.record, letter, done), null));
    }

    /**
     * A parked notification that cannot be read again (gone with the retry topic's retention): the DLQ gets its key,
     * tenant and where it was, so it is counted, listed and visible, though its bytes cannot be replayed.
     */
    void lost(KeyLane lane, Item item, String why) {
        DeadLetter letter = new DeadLetter(item.tenant, DeadLetter.PARKED_RECORD_LOST, item.lastStatus, why,
                item.attempts, item.firstAttemptAt == 0 ? null : item.firstAttemptAt, null,
                lane.topicPartition().topic(), lane.partition(), item.offset());
        LOG.error("Parked notification {}@{} of tenant {} is lost: {}; dead-lettering what is known of it",
                lane.topicPartition(), item.offset(), item.tenant, why);
        parked.finished(lane.partition(), lane.key);
        metrics.deadLettered(item.tenant, DeadLetter.PARKED_RECORD_LOST);
        afterReceipt(lane.work, receiptOf(item, DeliveryReceipt.DEAD_LETTERED, item.lastStatus, DeadLetter.PARKED_RECORD_LOST),
                () -> writeRecord(lane.work, item.offset(), "dead-letter topic",
                        done -> outbox.deadLetterWithoutValue(item.key, letter, why, done), null));
    }

    void malformed(PartitionWork work, ConsumerRecord<String, byte[]> record, BadRecordException e) {
        LOG.warn("Dead-lettering malformed notification at {}-{}@{}: {} ({})", record.topic(), record.partition(),
                record.offset(), e.reason(), e.getMessage());
        RetryHeaders.Carried from = RetryHeaders.read(record, work.retryTopic);
        DeadLetter letter = new DeadLetter(NotificationKey.tenantOf(record.key()), DeadLetter.MALFORMED, null,
                e.reason() + ": " + e.getMessage(), from.attempts(), null, null, from.sourceTopic(),
                from.sourcePartition(), from.sourceOffset());
        metrics.deadLettered(NotificationKey.tenantOf(record.key()), DeadLetter.MALFORMED);
        if (work.retryTopic) parked.finished(work.partition.partition(), ParkedKeys.laneKey(record.key()));
        afterReceipt(work, new DeliveryReceipt(NotificationKey.tenantOf(record.key()), record.key(), null,
                        DeliveryReceipt.DEAD_LETTERED, from.attempts(), null, DeadLetter.MALFORMED, null, clock.millis()),
                () -> writeRecord(work, record.offset(), "dead-letter topic", done -> outbox.deadLetter(record, letter, done),
                        null));
    }

    /** A receipt of a step on the way (retried, parked): nothing waits for it. */
    void receipt(Item item, String outcome, Integer status, String cause) {
        if (receipts) outbox.receipt(item.key, receiptOf(item, outcome, status, cause));
    }

    private DeliveryReceipt receiptOf(Item item, String outcome, Integer status, String cause) {
        long now = clock.millis();
        return new DeliveryReceipt(item.tenant, item.key, item.sequenceNum, outcome, item.attempts, status, cause,
                now - item.createdAt, now);
    }

    /**
     * The receipt of a final outcome, then {@code next}: the offset is done only once Kafka has answered for the
     * receipt, so a crash before that sends the notification and its receipt again instead of losing the receipt.
     * A receipt Kafka refuses is logged and the offset done anyway (receipts are best effort, never retried).
     */
    private void afterReceipt(PartitionWork work, DeliveryReceipt receipt, Runnable next) {
        if (!receipts) {
            next.run();
            return;
        }
        work.requestStarted();
        outbox.receipt(receipt.key(), receipt, () -> engine.execute(() -> {
            work.requestEnded();
            if (!work.isRevoked()) next.run();
        }));
    }

    /**
     * A failed attempt, counted by its cause, and one line for it with its facts as key-values (JSON logs show them as
     * fields); never a secret. {@code next} ends the line: what happens now.
     */
    void failed(KeyLane lane, Item item, TenantConfig config, String next) {
        metrics.failure(lane.tenant, item.lastCause);
        LOG.atWarn().addKeyValue("tenant", item.tenant).addKeyValue("status", item.lastStatus)
                .addKeyValue("cause", item.lastCause).addKeyValue("attempt", item.attempts)
                .addKeyValue("sequenceNum", item.sequenceNum)
                .log("Delivery to tenant {} failed, attempt {}: {} [{}] url={} record={}-{}@{}; {}", item.tenant,
                        item.attempts, item.lastError, item.lastCause, SafeText.url(config.serverUrl()),
                        lane.topicPartition().topic(), lane.partition(), item.offset(), next);
    }

    private void finish(KeyLane lane, Item item, String outcome, Integer status, String cause) {
        if (lane.fromRetryTopic()) parked.finished(lane.partition(), lane.key);
        PartitionWork work = lane.work;
        long offset = item.offset();
        afterReceipt(work, receiptOf(item, outcome, status, cause), () -> work.done(offset));
    }

    private interface Write {
        void start(java.util.function.Consumer<Exception> done);
    }

    /**
     * The offset is done only once Kafka has the record; a failed write is tried again, before anything else of its
     * key ({@code written} runs only after success), so nothing is lost and order holds.
     */
    private void writeRecord(PartitionWork work, long offset, String where, Write write, Runnable written) {
        work.requestStarted();
        write.start(error -> engine.execute(() -> {
            work.requestEnded();
            if (work.isRevoked()) return;
            if (error == null) {
                work.done(offset);
                if (written != null) written.run();
                return;
            }
            LOG.error("Cannot write to the {} (will try again in {}): {}", where, WRITE_RETRY, error.toString());
            timers.at(clock.millis() + WRITE_RETRY.toMillis(), () -> {
                if (!work.isRevoked()) writeRecord(work, offset, where, write, written);
            });
        }));
    }
}
