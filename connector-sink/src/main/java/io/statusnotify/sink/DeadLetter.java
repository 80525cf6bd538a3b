package io.statusnotify.sink;

import io.statusnotify.schema.DeadLetterHeaders;
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

    static final String TENANT = DeadLetterHeaders.TENANT;
    static final String REASON = DeadLetterHeaders.REASON;
    static final String STATUS = DeadLetterHeaders.STATUS;
    static final String MESSAGE = DeadLetterHeaders.MESSAGE;
    static final String ATTEMPTS = DeadLetterHeaders.ATTEMPTS;
    static final String FIRST_ATTEMPT_AT = DeadLetterHeaders.FIRST_ATTEMPT_AT;
    static final String LAST_ATTEMPT_AT = DeadLetterHeaders.LAST_ATTEMPT_AT;
    static final String SOURCE_TOPIC = DeadLetterHeaders.SOURCE_TOPIC;
    static final String SOURCE_PARTITION = DeadLetterHeaders.SOURCE_PARTITION;
    static final String SOURCE_OFFSET = DeadLetterHeaders.SOURCE_OFFSET;

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
