package io.statusnotify.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The enumerated values the seed documents. Values outside these sets are passed through unchanged (the portal
 * may add states) and counted.
 */
public final class KnownValues {
    public static final Set<String> USER_STATES = Set.of("Offline", "Online", "Busy", "BusyInOwnRoom", "Ringing",
            "RingAccepted", "RingRejected", "RingNoAnswer", "Alerting", "AlertCancelled");
    public static final Set<String> CALL_STATES = Set.of("RINGING", "RING ACCEPTED", "RING REJECTED",
            "RING NO ANSWER", "RING CANCELLED", "ALERTING", "ALERT CANCELLED", "IN PROGRESS", "COMPLETED");
    public static final Set<String> ACCESS_TYPES = Set.of("U", "G", "L", "R");
    public static final Set<String> ROOM_TYPES = Set.of("M", "P", "S");
    public static final Set<String> CONFERENCE_TYPES = Set.of("D", "C", "ID", "IC");
    public static final Set<String> DIRECTIONS = Set.of("I", "O");
    public static final Set<String> ENDPOINT_TYPES = Set.of("R", "D", "G", "L", "C");

    private KnownValues() {
    }

    /** The names of the fields of {@code event} holding a value the seed does not document, e.g. {@code user.userState}. */
    public static List<String> unknownFields(UserStatusEvent event) {
        List<String> unknown = new ArrayList<>();
        check(unknown, "user.userState", event.user().userState(), USER_STATES);
        check(unknown, "user.accessType", event.user().accessType(), ACCESS_TYPES);
        if (event.room() != null) check(unknown, "room.roomType", event.room().roomType(), ROOM_TYPES);
        if (event.conference() != null) {
            check(unknown, "conference.callState", event.conference().callState(), CALL_STATES);
            check(unknown, "conference.conferenceType", event.conference().conferenceType(), CONFERENCE_TYPES);
            check(unknown, "conference.direction", event.conference().direction(), DIRECTIONS);
        }
        if (event.endpoint() != null) check(unknown, "endpoint.endpointType", event.endpoint().endpointType(), ENDPOINT_TYPES);
        return unknown;
    }

    private static void check(List<String> unknown, String field, String value, Set<String> known) {
        if (value != null && !value.isEmpty() && !known.contains(value)) {
            unknown.add(field);
        }
    }
}
