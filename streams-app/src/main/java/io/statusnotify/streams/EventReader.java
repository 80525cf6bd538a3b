package io.statusnotify.streams;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.KnownValues;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import io.statusnotify.schema.UserStatusEvent;
import io.statusnotify.streams.EventFields.Fields;

import java.util.function.Consumer;

/**
 * Reads a user-status event's bytes for {@link UserStatusProcessor}: parsed once by {@link EventScanner} and
 * written once by {@link NotificationWriter}; what the scanner leaves undecided (bad input, rare shapes) is read the
 * exact, bound way ({@code Json.read(..).requireValid()}), which throws the {@link BadRecordException} the DLQ
 * copy is made from. One instance per processor; the event returned is valid until the next {@link #read}.
 */
final class EventReader {
    private final EventScanner scanner = new EventScanner();
    private final Scanned scanned = new Scanned(new EventFields(), new NotificationWriter());

    /** What the processor needs of an event, however it was read. */
    sealed interface ReadEvent permits Scanned, Bound {
        String tenant();

        String userKey();

        /** The event's own {@code eventTimestamp}, or {@code recordTimestamp} when it has none. */
        long creationTimestamp(long recordTimestamp);

        void forEachUnknown(Consumer<String> field);

        byte[] notification(long sequenceNum, long creationTimestamp);
    }

    /** @throws BadRecordException when the event cannot be used */
    ReadEvent read(byte[] value) {
        if (scanner.scan(value, scanned.fields)) return scanned;
        return new Bound(Json.read(value, UserStatusEvent.class).requireValid());
    }

    record Scanned(EventFields fields, NotificationWriter writer) implements ReadEvent {
        @Override
        public String tenant() {
            return fields.text(Fields.TENANT_NAME);
        }

        @Override
        public String userKey() {
            return NotificationKey.of(tenant(), fields.text(Fields.MEMBER_ID), fields.text(Fields.USER_NAME));
        }

        @Override
        public long creationTimestamp(long recordTimestamp) {
            return fields.has(EventShape.EVENT_TIMESTAMP) ? fields.number(EventShape.EVENT_TIMESTAMP) : recordTimestamp;
        }

        @Override
        public void forEachUnknown(Consumer<String> field) {
            fields.forEachUnknown(field);
        }

        @Override
        public byte[] notification(long sequenceNum, long creationTimestamp) {
            return writer.write(sequenceNum, creationTimestamp, fields);
        }
    }

    record Bound(UserStatusEvent event) implements ReadEvent {
        @Override
        public String tenant() {
            return event.tenant();
        }

        @Override
        public String userKey() {
            return event.userKey();
        }

        @Override
        public long creationTimestamp(long recordTimestamp) {
            return event.eventTimestamp() != null ? event.eventTimestamp() : recordTimestamp;
        }

        @Override
        public void forEachUnknown(Consumer<String> field) {
            KnownValues.unknownFields(event).forEach(field);
        }

        @Override
        public byte[] notification(long sequenceNum, long creationTimestamp) {
            return Json.write(Notification.of(sequenceNum, creationTimestamp, event.body()));
        }
    }
}
