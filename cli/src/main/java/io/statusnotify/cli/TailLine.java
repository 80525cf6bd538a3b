package io.statusnotify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.User;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Instant;

/** One notification record as {@code tail} prints it; a record that is not a notification says so. */
record TailLine(ConsumerRecord<String, byte[]> record, Notification notification, String problem) {

    static TailLine of(ConsumerRecord<String, byte[]> record) {
        try {
            return new TailLine(record, Json.read(record.value(), Notification.class), null);
        } catch (BadRecordException e) {
            return new TailLine(record, null, e.reason());
        }
    }

    String tenant() {
        String fromBody = notification == null ? null : notification.tenant();
        return fromBody != null ? fromBody : NotificationKey.tenantOf(record.key());
    }

    String text() {
        String time = Instant.ofEpochMilli(record.timestamp()).toString();
        if (notification == null) {
            return String.format("%s  not a notification (%s) at partition %d offset %d, key %s", time, problem,
                    record.partition(), record.offset(), record.key());
        }
        User user = notification.userStatusNotification() == null ? null : notification.userStatusNotification().user();
        var conference = notification.userStatusNotification() == null ? null : notification.userStatusNotification().conference();
        return String.format("%s  tenant=%-10s user=%-10s %-12s call=%-12s seq=%d  key=%s", time, tenant(),
                user == null ? "?" : user.userName(), user == null ? "?" : user.userState(),
                conference == null ? "-" : conference.callState(), notification.sequenceNum(), record.key());
    }

    String json() {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        line.put("key", record.key());
        if (notification == null) {
            line.put("error", problem);
        } else {
            line.set("notification", tree(record.value()));
        }
        return line.toString();
    }

    private static JsonNode tree(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException("a notification that was read cannot be read again", e);
        }
    }
}
