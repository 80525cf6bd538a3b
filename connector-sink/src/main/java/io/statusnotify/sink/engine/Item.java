package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.ReadBarrier;
import io.statusnotify.sink.kafka.RetryHeaders;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One notification in the sink's hands, from the notifications topic or the retry topic. Engine thread only.
 *
 * @see RetryHeaders for what a retry record carries over from earlier attempts
 */
final class Item {
    /** Null while unloaded (a parked notification remembered by offset only, see {@link #unload()}). */
    ConsumerRecord<String, byte[]> record;
    final long offset;
    /** The record's key (null for a keyless record). */
    String key;
    String tenant;
    final Long sequenceNum;
    /** The notification record's timestamp (epoch ms; the event's time): receipts' latency and the max age start here. */
    final long createdAt;
    /**
     * Before the first attempt the record's value as read (what a park before any attempt writes to the retry topic:
     * no stamp); from the first attempt on the bytes sent, stamped with its queueTimestamp once, so every retry sends
     * the same bytes.
     */
    byte[] body;
    /** Where the stamp goes in {@link #body} ({@link NotificationStamp.Parsed#stampAt()}). */
    private int stampAt;
    /** {@link #body} holds the stamp sent (or to be sent again). */
    private boolean stamped;
    RetryHeaders.Carried carried;
    int attempts;
    long firstAttemptAt;
    long notBefore;
    /** When {@link #notBefore} was set: a tenant's recovery or new config after that ends the wait. */
    long notBeforeSetAt;
    Integer lastStatus;
    String lastCause;
    String lastError;
    /** Its number among the notifications read ({@link ReadBarrier#read()}): a barrier round begun later covers it. */
    long read;

    Item(ConsumerRecord<String, byte[]> record, NotificationStamp.Parsed parsed, RetryHeaders.Carried carried) {
        this.record = record;
        this.offset = record.offset();
        this.key = record.key();
        this.tenant = parsed.tenant();
        this.sequenceNum = parsed.sequenceNum();
        this.createdAt = carried.originTimestamp();
        this.carried = carried;
        useBody(record.value(), parsed);
        this.attempts = carried.attempts();
        this.firstAttemptAt = carried.firstAttemptAt();
        this.notBefore = carried.notBefore();
        this.notBeforeSetAt = record.timestamp();
    }

    long offset() {
        return offset;
    }

    private void useBody(byte[] value, NotificationStamp.Parsed parsed) {
        body = value;
        stampAt = parsed.stampAt();
        // Parked after an attempt: its bytes carry the stamp of its first attempt and are sent again as they are.
        // Parked before any attempt, its copy on the retry topic has no stamp (or a producer's, replaced).
        stamped = parsed.hasStamp() && carried.attempts() > 0;
    }

    /**
     * The bytes to send, stamped with {@code queueTimestamp} = {@link #firstAttemptAt} (set before the first attempt):
     * the moment the POST was first attempted, the same for every retry, also after the body was unloaded and read
     * again.
     */
    byte[] bodyToSend() {
        if (!stamped) {
            body = NotificationStamp.stamp(body, stampAt, firstAttemptAt);
            stamped = true;
        }
        return body;
    }

    /** Its lane's copies of the same key and tenant names: thousands of parked ones then cost no strings each. */
    void shareNames(KeyLane lane) {
        if (lane.key.equals(key)) key = lane.key;
        if (lane.tenant.equals(tenant)) tenant = lane.tenant;
    }

    /** What its record on the retry topic says of it; loaded items only. */
    RetryHeaders.Parked parked() {
        return new RetryHeaders.Parked(attempts, firstAttemptAt, notBefore, lastCause, lastStatus, carried);
    }

    boolean isLoaded() {
        return record != null;
    }

    /**
     * Keeps only what deciding about it needs (tenant, age, attempts, wait): a few dozen bytes instead of the record.
     * The record is read again from the retry topic before it is sent or dead-lettered.
     */
    void unload() {
        record = null;
        body = null;
        stamped = false;
        carried = null;
    }

    /** The same record read again; what earlier attempts in this instance learnt (attempts, wait) is kept. */
    void load(ConsumerRecord<String, byte[]> again, NotificationStamp.Parsed parsed, RetryHeaders.Carried sameCarried) {
        record = again;
        carried = sameCarried;
        useBody(again.value(), parsed);
    }
}
