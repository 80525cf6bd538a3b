package io.statusnotify.sink.kafka;

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
public record DeadLetter(
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

    public static final String HTTP_STATUS = "http-status";
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    public static final String MALFORMED = "malformed";
    public static final String MAX_AGE = "max-age-exceeded";
    public static final String REQUEST_FAILED = "request-failed";
    /** A parked notification gone from the retry topic (retention) or unreadable there: its bytes cannot be sent. */
    public static final String PARKED_RECORD_LOST = "parked-record-lost";

    List<Header> headers() {
        List<Header> headers = new ArrayList<>();
        add(headers, DeadLetterHeaders.TENANT, tenant);
        add(headers, DeadLetterHeaders.REASON, reason);
        add(headers, DeadLetterHeaders.STATUS, lastStatus);
        add(headers, DeadLetterHeaders.MESSAGE, lastError);
        add(headers, DeadLetterHeaders.ATTEMPTS, attempts);
        add(headers, DeadLetterHeaders.FIRST_ATTEMPT_AT, firstAttemptAt);
        add(headers, DeadLetterHeaders.LAST_ATTEMPT_AT, lastAttemptAt);
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, sourceTopic);
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, sourcePartition);
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, sourceOffset);
        return headers;
    }

    private static void add(List<Header> headers, String name, Object value) {
        if (value != null) {
            headers.add(new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
