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
    static final String REASON = DeadLetterHeaders.REASON;
    static final String MESSAGE = DeadLetterHeaders.MESSAGE;
    static final String SOURCE_TOPIC = DeadLetterHeaders.SOURCE_TOPIC;
    static final String SOURCE_PARTITION = DeadLetterHeaders.SOURCE_PARTITION;
    static final String SOURCE_OFFSET = DeadLetterHeaders.SOURCE_OFFSET;
    static final String FAILED_AT = DeadLetterHeaders.FAILED_AT;

    private DeadLetters() {
    }

    static Record<String, byte[]> of(Record<String, byte[]> original, RecordMetadata source, BadRecordException error,
                                     long failedAtMillis) {
        Headers headers = new RecordHeaders(original.headers().toArray());
        add(headers, REASON, error.reason());
        add(headers, MESSAGE, String.valueOf(error.getMessage()));
        add(headers, SOURCE_TOPIC, source.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        add(headers, FAILED_AT, Long.toString(failedAtMillis));
        return original.withHeaders(headers);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
