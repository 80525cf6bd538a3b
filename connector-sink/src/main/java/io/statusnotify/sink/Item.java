package io.statusnotify.sink;

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
    /** The bytes sent: the notification stamped with its queueTimestamp once, so every retry sends the same bytes. */
    byte[] body;
    RetryHeaders.Carried carried;
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
        this.offset = record.offset();
        this.key = record.key();
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
        return offset;
    }

    /** Its lane's copies of the same key and tenant names: thousands of parked ones then cost no strings each. */
    void shareNames(KeyLane lane) {
        if (lane.key.equals(key)) key = lane.key;
        if (lane.tenant.equals(tenant)) tenant = lane.tenant;
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
        carried = null;
    }

    /** The same record read again; what earlier attempts in this instance learnt (attempts, wait) is kept. */
    void load(ConsumerRecord<String, byte[]> again, byte[] sameBody, RetryHeaders.Carried sameCarried) {
        record = again;
        body = sameBody;
        carried = sameCarried;
    }
}
