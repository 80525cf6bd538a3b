package io.statusnotify.streams;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.util.HashMap;
import java.util.Map;

/**
 * The input event's objects and fields as a table, in the order the schema records ({@code UserStatusEvent},
 * {@code User}, …) declare and serialize them, for {@link EventScanner} and {@link NotificationWriter}. Each field
 * has a slot in {@link EventFields}. Arrays, not lists: they are walked for every field of every event, and must not
 * be changed. {@code EventShapeTest} keeps this table in step with the records.
 */
final class EventShape {
    enum Kind { STRING, LONG, INT, OBJECT }

    record Field(String name, SerializableString quoted, Kind kind, int slot, int bit, Shape object) {
    }

    /** {@code writeNulls}: absent or null fields are written as null ({@code gateway}, as the spec shows it). */
    record Shape(Field[] fields, Map<String, Field> byName, boolean writeNulls) {
        Field field(String name) {
            return byName.get(name);
        }
    }

    static final Shape USER = shape(false, "userName", "displayName", "memberID", "userState", "tenantName",
            "accessType", "extension");
    static final Shape ROOM = shape(false, "roomID:long", "roomName", "roomDisplayName", "roomType", "roomOwner",
            "roomExtension", "roomKey");
    static final Shape CONFERENCE = shape(false, "uniqueCallID", "callState", "tenantName", "conferenceName",
            "conferenceType", "conferenceID", "participantId:long", "routerID", "callCompletionCode", "direction",
            "audioState:int", "videoState:int");
    static final Shape ENDPOINT = shape(false, "endpointType", "endpointPublicIPAddress", "endpointGUID", "endpointId");
    static final Shape ENDPOINT_DETAILS = shape(false, "applicationName", "applicationVersion", "applicationOs",
            "deviceModel", "referenceNumber");
    static final Shape GATEWAY = shape(true, "gwid", "gwprefix");
    static final Shape CONTEXT_AWARE_LINKING = shape(false, "conferenceId", "externalId", "externalIdType:int",
            "connectionStatus:int");
    /** The root: the notification body's objects, then the event's own {@code eventTimestamp}. */
    static final Shape EVENT = shape(false, new Object[]{"user", USER}, new Object[]{"room", ROOM},
            new Object[]{"conference", CONFERENCE}, new Object[]{"endpoint", ENDPOINT},
            new Object[]{"endpointDetails", ENDPOINT_DETAILS}, new Object[]{"gateway", GATEWAY},
            new Object[]{"contextAwareLinking", CONTEXT_AWARE_LINKING}, "eventTimestamp:long");

    static final Field EVENT_TIMESTAMP = EVENT.field("eventTimestamp");
    static final int SLOTS = Slots.next;

    private EventShape() {
    }

    /** Field specs: {@code "name"} (a string), {@code "name:long"}, {@code "name:int"} or {@code {name, Shape}}. */
    private static Shape shape(boolean writeNulls, Object... specs) {
        Field[] fields = new Field[specs.length];
        Map<String, Field> byName = new HashMap<>();
        for (int i = 0; i < specs.length; i++) {
            Field field = specs[i] instanceof Object[] object
                    ? field((String) object[0], Kind.OBJECT, i, (Shape) object[1])
                    : parse((String) specs[i], i);
            fields[i] = field;
            byName.put(field.name(), field);
        }
        return new Shape(fields, Map.copyOf(byName), writeNulls);
    }

    private static Field parse(String spec, int index) {
        int colon = spec.indexOf(':');
        if (colon < 0) return field(spec, Kind.STRING, index, null);
        Kind kind = spec.endsWith(":long") ? Kind.LONG : Kind.INT;
        return field(spec.substring(0, colon), kind, index, null);
    }

    private static Field field(String name, Kind kind, int index, Shape object) {
        return new Field(name, new SerializedString(name), kind, Slots.next++, index, object);
    }

    /** Hands out slot numbers while the shapes above are built (class initialization is single-threaded). */
    private static final class Slots {
        static int next;
    }
}
