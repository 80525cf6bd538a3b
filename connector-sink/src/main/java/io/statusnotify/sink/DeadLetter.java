package io.statusnotify.sink;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a notification could not be delivered, as it travels in the DLQ record's headers next to the original key
 * and bytes (so it can be replayed). Nullable fields are left out of the headers.
 *
 * @param lastError     the last status line or exception class and message; never credentials
 */
record DeadLetter(
        String tenant,
        String reason,
        Integer lastStatus,
        String lastError,
        int attempts,
        Long firstAttemptAt,
        Long lastAttemptAt,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset) {

    static final String HTTP_STATUS = "http-status";
    static final String RETRIES_EXHAUSTED = "retries-exhausted";
    static final String MALFORMED = "malformed";

    static final String TENANT = "sns.tenant";
    static final String REASON = "sns.error.reason";
    static final String STATUS = "sns.error.status";
    static final String MESSAGE = "sns.error.message";
    static final String ATTEMPTS = "sns.attempts";
    static final String FIRST_ATTEMPT_AT = "sns.first.attempt.at";
    static final String LAST_ATTEMPT_AT = "sns.last.attempt.at";
    static final String SOURCE_TOPIC = "sns.source.topic";
    static final String SOURCE_PARTITION = "sns.source.partition";
    static final String SOURCE_OFFSET = "sns.source.offset";

    List<Header> headers() {
        List<Header> headers = new ArrayList<>();
        add(headers, TENANT, tenant);
        add(headers, REASON, reason);
        add(headers, STATUS, lastStatus);
        add(headers, MESSAGE, lastError);
        add(headers, ATTEMPTS, attempts);
        add(headers, FIRST_ATTEMPT_AT, firstAttemptAt);
        add(headers, LAST_ATTEMPT_AT, lastAttemptAt);
        add(headers, SOURCE_TOPIC, sourceTopic);
        add(headers, SOURCE_PARTITION, sourcePartition);
        add(headers, SOURCE_OFFSET, sourceOffset);
        return headers;
    }

    private static void add(List<Header> headers, String name, Object value) {
        if (value != null) {
            headers.add(new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
