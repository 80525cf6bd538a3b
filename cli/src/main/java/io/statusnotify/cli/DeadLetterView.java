package io.statusnotify.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.DeadLetterHeaders;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A record of the notifications DLQ as {@code dlq list} shows it: where it is, whose it is, and why it is there,
 * from the sink's headers (which never carry credentials). Only the sequenceNum is taken from the value.
 */
@JsonPropertyOrder({"time", "partition", "offset", "tenant", "key", "sequenceNum", "reason", "status", "attempts", "detail",
        "replayable"})
record DeadLetterView(String time, int partition, long offset, String tenant, String key, Long sequenceNum, String reason,
                      Integer status, Integer attempts, String detail, boolean replayable,
                      @JsonIgnore long epochMillis) {
    /** The sink's reason for a notification it could not read: sending it again cannot help. */
    static final String MALFORMED = "malformed";

    static DeadLetterView of(ConsumerRecord<String, byte[]> record) {
        String tenant = header(record, DeadLetterHeaders.TENANT);
        String reason = header(record, DeadLetterHeaders.REASON);
        return new DeadLetterView(Instant.ofEpochMilli(record.timestamp()).toString(), record.partition(), record.offset(),
                tenant != null ? tenant : NotificationKey.tenantOf(record.key()), record.key(), sequenceNum(record.value()),
                reason, number(header(record, DeadLetterHeaders.STATUS)), number(header(record, DeadLetterHeaders.ATTEMPTS)),
                header(record, DeadLetterHeaders.MESSAGE), replayable(record, reason),
                record.timestamp());
    }

    /** Numbers as numbers in JSON; a header another tool wrote that is not a number is left out. */
    private static Integer number(String text) {
        if (text == null) return null;
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @JsonIgnore
    String text() {
        return String.format("%s  tenant=%-10s key=%-16s seq=%-16s reason=%s%s%s  (partition %d offset %d)%s", time,
                tenant, key, sequenceNum == null ? "-" : sequenceNum, reason,
                status == null ? "" : " status=" + status, detail == null ? "" : ": " + detail,
                partition, offset, replayable ? "" : "  [not replayable]");
    }

    /** A notification that can be sent again as it is: its bytes are here and are a notification. */
    private static boolean replayable(ConsumerRecord<String, byte[]> record, String reason) {
        if (record.value() == null || MALFORMED.equals(reason) || record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OMITTED) != null) {
            return false;
        }
        try {
            Json.read(record.value(), Notification.class);
            return true;
        } catch (BadRecordException e) {
            return false;
        }
    }

    private static Long sequenceNum(byte[] value) {
        if (value == null) return null;
        try {
            JsonNode number = Json.mapper().readTree(value).path("sequenceNum");
            return number.canConvertToLong() && number.isIntegralNumber() ? number.asLong() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
