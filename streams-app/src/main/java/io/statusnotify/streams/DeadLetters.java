package io.statusnotify.streams;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.DeadLetterHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;

/** Builds the DLQ copy of an unusable input record: its original key, bytes and headers, plus why and where. */
final class DeadLetters {
    /** Room kept for headers and record overhead when checking a record against the size limit. */
    static final int OVERHEAD_BYTES = 2048;

    private DeadLetters() {
    }

    /** Over {@code maxRecordBytes} the copy carries no bytes, only where the original is (header {@code sns.original.omitted}). */
    static Record<String, byte[]> of(Record<String, byte[]> original, RecordMetadata source, BadRecordException error,
                                     long failedAtMillis, int maxRecordBytes) {
        Headers headers = new RecordHeaders(original.headers().toArray());
        add(headers, DeadLetterHeaders.REASON, error.reason());
        add(headers, DeadLetterHeaders.MESSAGE, String.valueOf(error.getMessage()));
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        add(headers, DeadLetterHeaders.FAILED_AT, Long.toString(failedAtMillis));
        if (sizeOf(original.key(), original.value()) > maxRecordBytes) {
            add(headers, DeadLetterHeaders.ORIGINAL_OMITTED, "larger than SNS_MAX_RECORD_BYTES (" + maxRecordBytes + ")");
            return original.<byte[]>withValue(null).withHeaders(headers);
        }
        return original.withHeaders(headers);
    }

    static int sizeOf(String key, byte[] value) {
        return OVERHEAD_BYTES + (key == null ? 0 : key.length() * 3) + (value == null ? 0 : value.length);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
