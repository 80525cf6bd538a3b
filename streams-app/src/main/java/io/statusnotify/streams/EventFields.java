package io.statusnotify.streams;

import io.statusnotify.schema.KnownValues;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The values of one event as {@link EventScanner} found them, by {@link EventShape} slot. Reused from event to event
 * by one processor (a stream thread's), so reading an event allocates only its strings.
 */
final class EventFields {
    static final byte ABSENT = 0;
    static final byte NULL = 1;
    static final byte VALUE = 2;

    private final byte[] state = new byte[EventShape.SLOTS];
    private final String[] text = new String[EventShape.SLOTS];
    private final long[] number = new long[EventShape.SLOTS];

    void clear() {
        Arrays.fill(state, ABSENT);
        Arrays.fill(text, null); // let the previous event's strings go
    }

    byte state(EventShape.Field field) {
        return state[field.slot()];
    }

    boolean has(EventShape.Field field) {
        return state[field.slot()] == VALUE;
    }

    void setNull(EventShape.Field field) {
        state[field.slot()] = NULL;
    }

    void setPresent(EventShape.Field field) {
        state[field.slot()] = VALUE;
    }

    void set(EventShape.Field field, String value) {
        state[field.slot()] = VALUE;
        text[field.slot()] = value;
    }

    void set(EventShape.Field field, long value) {
        state[field.slot()] = VALUE;
        number[field.slot()] = value;
    }

    /** The string, or null when absent or null. */
    String text(EventShape.Field field) {
        return text[field.slot()];
    }

    long number(EventShape.Field field) {
        return number[field.slot()];
    }

    /** Each field holding a value the spec does not document, named and ordered as {@link KnownValues#unknownFields}. */
    void forEachUnknown(Consumer<String> unknown) {
        check(unknown, "user.userState", Fields.USER_STATE, KnownValues.USER_STATES);
        check(unknown, "user.accessType", Fields.ACCESS_TYPE, KnownValues.ACCESS_TYPES);
        check(unknown, "room.roomType", Fields.ROOM_TYPE, KnownValues.ROOM_TYPES);
        check(unknown, "conference.callState", Fields.CALL_STATE, KnownValues.CALL_STATES);
        check(unknown, "conference.conferenceType", Fields.CONFERENCE_TYPE, KnownValues.CONFERENCE_TYPES);
        check(unknown, "conference.direction", Fields.DIRECTION, KnownValues.DIRECTIONS);
        check(unknown, "endpoint.endpointType", Fields.ENDPOINT_TYPE, KnownValues.ENDPOINT_TYPES);
    }

    private void check(Consumer<String> unknown, String name, EventShape.Field field, Set<String> known) {
        String value = text(field);
        if (value != null && !value.isEmpty() && !known.contains(value)) unknown.accept(name);
    }

    /** The fields the app itself reads. */
    static final class Fields {
        static final EventShape.Field USER = EventShape.EVENT.field("user");
        static final EventShape.Field USER_NAME = EventShape.USER.field("userName");
        static final EventShape.Field MEMBER_ID = EventShape.USER.field("memberID");
        static final EventShape.Field USER_STATE = EventShape.USER.field("userState");
        static final EventShape.Field TENANT_NAME = EventShape.USER.field("tenantName");
        static final EventShape.Field ACCESS_TYPE = EventShape.USER.field("accessType");
        static final EventShape.Field ROOM_TYPE = EventShape.ROOM.field("roomType");
        static final EventShape.Field CALL_STATE = EventShape.CONFERENCE.field("callState");
        static final EventShape.Field CONFERENCE_TYPE = EventShape.CONFERENCE.field("conferenceType");
        static final EventShape.Field DIRECTION = EventShape.CONFERENCE.field("direction");
        static final EventShape.Field ENDPOINT_TYPE = EventShape.ENDPOINT.field("endpointType");

        private Fields() {
        }
    }
}
