package io.statusnotify.sink;

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
final class RetryHeaders {
    static final String ATTEMPTS = "sns.retry.attempts";
    static final String FIRST_ATTEMPT_AT = "sns.retry.first-attempt-at";
    static final String NOT_BEFORE = "sns.retry.not-before";
    static final String CAUSE = "sns.retry.cause";
    static final String STATUS = "sns.retry.status";
    static final String SOURCE_TOPIC = "sns.retry.source-topic";
    static final String SOURCE_PARTITION = "sns.retry.source-partition";
    static final String SOURCE_OFFSET = "sns.retry.source-offset";
    static final String ORIGIN_TIMESTAMP = "sns.retry.origin-timestamp";
    /** The consumer group that parked it: another group's sink (a second deployment, a replay) leaves it alone. */
    static final String GROUP = "sns.retry.group";

    private RetryHeaders() {
    }

    /** {@code originTimestamp}: the notification record's own timestamp, where its age (max age, latency) starts. */
    record Carried(int attempts, long firstAttemptAt, long notBefore, String sourceTopic, int sourcePartition,
                   long sourceOffset, long originTimestamp) {
    }

    static Carried read(ConsumerRecord<String, byte[]> record, boolean fromRetryTopic) {
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

    static List<Header> write(Item item, String group) {
        List<Header> headers = new ArrayList<>();
        add(headers, GROUP, group);
        add(headers, ATTEMPTS, item.attempts);
        add(headers, FIRST_ATTEMPT_AT, item.firstAttemptAt);
        add(headers, NOT_BEFORE, item.notBefore);
        if (item.lastCause != null) add(headers, CAUSE, item.lastCause);
        if (item.lastStatus != null) add(headers, STATUS, item.lastStatus);
        add(headers, SOURCE_TOPIC, item.carried.sourceTopic());
        add(headers, SOURCE_PARTITION, item.carried.sourcePartition());
        add(headers, SOURCE_OFFSET, item.carried.sourceOffset());
        add(headers, ORIGIN_TIMESTAMP, item.createdAt);
        return headers;
    }

    private static void add(List<Header> headers, String name, Object value) {
        headers.add(new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
    }

    /** True when another group parked this record (records without the header belong to everyone). */
    static boolean parkedByAnotherGroup(ConsumerRecord<String, ?> record, String group) {
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
