package io.statusnotify.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a notification from {@link EventFields} straight to bytes, byte for byte what {@code Json.write} of the
 * {@link Notification} record would give (same property order, nulls left out except in {@code gateway}, same
 * escaping: the project mapper's own generator), so the sink's {@code queueTimestamp} insertion stays right.
 * One instance per processor: the output buffer is reused, the bytes returned are a fresh copy.
 */
final class NotificationWriter {
    private static final SerializableString VERSION = new SerializedString("version");
    private static final SerializableString SEQUENCE_NUM = new SerializedString("sequenceNum");
    private static final SerializableString CREATION_TIMESTAMP = new SerializedString("creationTimestamp");
    private static final SerializableString BODY = new SerializedString("userStatusNotification");

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(2048);

    byte[] write(long sequenceNum, long creationTimestamp, EventFields fields) {
        buffer.reset();
        try (JsonGenerator out = Json.mapper().getFactory().createGenerator(buffer)) {
            out.writeStartObject();
            out.writeFieldName(VERSION);
            out.writeNumber(Notification.VERSION);
            out.writeFieldName(SEQUENCE_NUM);
            out.writeNumber(sequenceNum);
            out.writeFieldName(CREATION_TIMESTAMP);
            out.writeNumber(creationTimestamp);
            out.writeFieldName(BODY);
            out.writeStartObject();
            // The body: the event's objects, without its own eventTimestamp.
            for (EventShape.Field object : EventShape.EVENT.fields()) {
                if (object.kind() == EventShape.Kind.OBJECT && fields.has(object)) {
                    out.writeFieldName(object.quoted());
                    object(out, object.object(), fields);
                }
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a notification to memory", e);
        }
        return buffer.toByteArray();
    }

    private static void object(JsonGenerator out, EventShape.Shape shape, EventFields fields) throws IOException {
        out.writeStartObject();
        for (EventShape.Field field : shape.fields()) {
            if (fields.has(field)) {
                out.writeFieldName(field.quoted());
                if (field.kind() == EventShape.Kind.STRING) out.writeString(fields.text(field));
                else out.writeNumber(fields.number(field));
            } else if (shape.writeNulls()) {
                out.writeFieldName(field.quoted());
                out.writeNull();
            }
        }
        out.writeEndObject();
    }
}
