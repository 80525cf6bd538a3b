package io.statusnotify.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One notification in the sink's hands, from the notifications topic or the retry topic. Engine thread only.
 *
 * @see RetryHeaders for what a retry record carries over from earlier attempts
 */
final class Item {
    final ConsumerRecord<String, byte[]> record;
    final String tenant;
    final Long sequenceNum;
    /** The notification record's timestamp (epoch ms; the event's time): receipts' latency and the max age start here. */
    final long createdAt;
    /** The bytes sent: the notification stamped with its queueTimestamp once, so every retry sends the same bytes. */
    final byte[] body;
    final RetryHeaders.Carried carried;
    int attempts;
    long firstAttemptAt;
    long notBefore;
    /** When {@link #notBefore} was set: a tenant's recovery or new config after that ends the wait. */
    long notBeforeSetAt;
    Integer lastStatus;
    String lastCause;
    String lastError;

    Item(ConsumerRecord<String, byte[]> record, String tenant, Long sequenceNum, long createdAt, byte[] body,
         RetryHeaders.Carried carried) {
        this.record = record;
        this.tenant = tenant;
        this.sequenceNum = sequenceNum;
        this.createdAt = createdAt;
        this.body = body;
        this.carried = carried;
        this.attempts = carried.attempts();
        this.firstAttemptAt = carried.firstAttemptAt();
        this.notBefore = carried.notBefore();
        this.notBeforeSetAt = record.timestamp();
    }

    long offset() {
        return record.offset();
    }
}
