package io.statusnotify.sink.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what the sink needs from a notification's bytes (its tenant and sequenceNum, and where its
 * {@code queueTimestamp} goes) in one streaming pass when the record is polled, and inserts the stamp when the
 * notification is first sent, without parsing it again: binding the whole notification and writing it again cost
 * the delivery thread nearly half its time. The bytes must be a well-formed JSON object with an integer
 * {@code sequenceNum} and a {@code userStatusNotification.user.tenantName}; the rest is sent as the streams app
 * wrote it. The stamp goes just before {@code userStatusNotification}, where the contract's property order has it.
 */
final class NotificationStamp {
    /**
     * Without the project mapper's duplicate detection: it kept a set of every field name of the 1.3 KB notification,
     * a sixth of the delivery thread's time. The fields this reads are checked for duplicates here instead; the rest
     * is passed on as the streams app wrote it.
     */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * What {@link #read} found.
     *
     * @param stampAt  the byte offset where the stamp is inserted, or -1 when the bytes hold a {@code queueTimestamp}
     *                 already (see {@link #hasStamp()})
     */
    record Parsed(String tenant, long sequenceNum, int stampAt) {
        boolean hasStamp() {
            return stampAt < 0;
        }
    }

    private NotificationStamp() {
    }

    /** The tenant, the sequenceNum and where the stamp goes; throws {@link BadRecordException} for what is no notification. */
    static Parsed read(byte[] value) {
        if (value == null) throw new BadRecordException("null-value", "record has no value");
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecordException("not-an-object", "a notification must be a JSON object");
            }
            Long sequenceNum = null;
            String tenant = null;
            long bodyAt = -1;
            boolean hasStamp = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                long nameAt = parser.currentTokenLocation().getByteOffset();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "sequenceNum" -> {
                        if (sequenceNum != null) throw duplicate("sequenceNum");
                        if (token != JsonToken.VALUE_NUMBER_INT) throw wrongType("sequenceNum", "an integer");
                        sequenceNum = parser.getLongValue();
                    }
                    case "queueTimestamp" -> {
                        if (hasStamp) throw duplicate("queueTimestamp");
                        hasStamp = true;
                        parser.skipChildren();
                    }
                    case "userStatusNotification" -> {
                        if (bodyAt >= 0) throw duplicate("userStatusNotification");
                        if (token != JsonToken.START_OBJECT) throw wrongType("userStatusNotification", "an object");
                        bodyAt = nameAt;
                        tenant = tenantIn(parser);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) throw new BadRecordException("not-json", "content after the notification's object");
            if (sequenceNum == null) throw new BadRecordException("missing-field", "sequenceNum is required");
            if (tenant == null || tenant.isBlank()) {
                throw new BadRecordException("missing-field", "userStatusNotification.user.tenantName is required");
            }
            return new Parsed(tenant, sequenceNum, hasStamp ? -1 : (int) bodyAt);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("not-json", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadRecordException("not-json", "unreadable: " + e.getMessage(), e);
        }
    }

    private static String tenantIn(JsonParser parser) throws IOException {
        String tenant = null;
        boolean seenUser = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals("user") && token == JsonToken.START_OBJECT) {
                if (seenUser) throw duplicate("userStatusNotification.user");
                seenUser = true;
                boolean seenTenant = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("tenantName")) {
                        if (seenTenant) throw duplicate("userStatusNotification.user.tenantName");
                        seenTenant = true;
                        if (value == JsonToken.VALUE_STRING) tenant = parser.getText();
                        else parser.skipChildren();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return tenant;
    }

    /**
     * The bytes sent: {@code value} (as {@link #read} parsed it) with {@code "queueTimestamp":<value>} inserted, or
     * the stamp it holds replaced ({@code stampAt} from {@link Parsed}). The same arguments give the same bytes.
     */
    static byte[] stamp(byte[] value, int stampAt, long queueTimestamp) {
        return stampAt < 0 ? restamp(value, queueTimestamp) : insert(value, stampAt, queueTimestamp);
    }

    private static byte[] insert(byte[] value, int at, long queueTimestamp) {
        byte[] stamp = ("\"queueTimestamp\":" + queueTimestamp + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[value.length + stamp.length];
        System.arraycopy(value, 0, body, 0, at);
        System.arraycopy(stamp, 0, body, at, stamp.length);
        System.arraycopy(value, at, body, at + stamp.length, value.length - at);
        return body;
    }

    /** Rare (a producer that stamps, or a null stamp): the slow, exact way. */
    private static byte[] restamp(byte[] value, long queueTimestamp) {
        return Json.write(Json.read(value, Notification.class).withQueueTimestamp(queueTimestamp));
    }

    /** Two values for a field the sink reads would make the tenant or number it acts on ambiguous. */
    private static BadRecordException duplicate(String field) {
        return new BadRecordException("invalid", "field '" + field + "' appears twice");
    }

    private static BadRecordException wrongType(String field, String expected) {
        return new BadRecordException("wrong-type", "field '" + field + "': expected " + expected);
    }
}
