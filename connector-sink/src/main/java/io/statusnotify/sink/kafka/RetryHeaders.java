package io.statusnotify.sink.kafka;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a record on the retry topic carries from its earlier life: attempts made, when the first was, the earliest
 * time to try again, the last failure, and where it first came from (for the DLQ). Key and value are the original
 * notification's, unchanged.
 */
public final class RetryHeaders {
    public static final String ATTEMPTS = "sns.retry.attempts";
    public static final String FIRST_ATTEMPT_AT = "sns.retry.first-attempt-at";
    public static final String NOT_BEFORE = "sns.retry.not-before";
    static final String CAUSE = "sns.retry.cause";
    public static final String STATUS = "sns.retry.status";
    static final String SOURCE_TOPIC = "sns.retry.source-topic";
    static final String SOURCE_PARTITION = "sns.retry.source-partition";
    public static final String SOURCE_OFFSET = "sns.retry.source-offset";
    static final String ORIGIN_TIMESTAMP = "sns.retry.origin-timestamp";
    /** The consumer group that parked it: another group's sink (a second deployment, a replay) leaves it alone. */
    public static final String GROUP = "sns.retry.group";

    private RetryHeaders() {
    }

    /** {@code originTimestamp}: the notification record's own timestamp, where its age (max age, latency) starts. */
    public record Carried(int attempts, long firstAttemptAt, long notBefore, String sourceTopic, int sourcePartition,
                   long sourceOffset, long originTimestamp) {
    }

    public static Carried read(ConsumerRecord<String, byte[]> record, boolean fromRetryTopic) {
        if (!fromRetryTopic) {
            return new Carried(0, 0, 0, record.topic(), record.partition(), record.offset(), record.timestamp());
        }
        Headers headers = record.headers();
        return new Carried(
                (int) number(headers, ATTEMPTS, 0),
                number(headers, FIRST_ATTEMPT_AT, 0),
                number(headers, NOT_BEFORE, 0),
                text(headers, SOURCE_TOPIC, record.topic()),
                (int) number(headers, SOURCE_PARTITION, record.partition()),
                number(headers, SOURCE_OFFSET, record.offset()),
                number(headers, ORIGIN_TIMESTAMP, record.timestamp()));
    }

    /**
     * What a notification takes to the retry topic: its attempts so far, when it may be tried again, its last failure
     * ({@code lastCause} and {@code lastStatus} null when none) and what it carried in.
     */
    public record Parked(int attempts, long firstAttemptAt, long notBefore, String lastCause, Integer lastStatus,
                         Carried carried) {
    }

    static List<Header> write(Parked parked, String group) {
        List<Header> headers = new ArrayList<>();
        add(headers, GROUP, group);
        add(headers, ATTEMPTS, parked.attempts());
        add(headers, FIRST_ATTEMPT_AT, parked.firstAttemptAt());
        add(headers, NOT_BEFORE, parked.notBefore());
        if (parked.lastCause() != null) add(headers, CAUSE, parked.lastCause());
        if (parked.lastStatus() != null) add(headers, STATUS, parked.lastStatus());
        add(headers, SOURCE_TOPIC, parked.carried().sourceTopic());
        add(headers, SOURCE_PARTITION, parked.carried().sourcePartition());
        add(headers, SOURCE_OFFSET, parked.carried().sourceOffset());
        add(headers, ORIGIN_TIMESTAMP, parked.carried().originTimestamp());
        return headers;
    }

    private static void add(List<Header> headers, String name, Object value) {
        headers.add(new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
    }

    /** True when another group parked this record (records without the header belong to everyone). */
    public static boolean parkedByAnotherGroup(ConsumerRecord<String, ?> record, String group) {
        String owner = text(record.headers(), GROUP, null);
        return owner != null && !owner.equals(group);
    }

    private static long number(Headers headers, String name, long fallback) {
        String value = text(headers, name, null);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(Headers headers, String name, String fallback) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }
}
