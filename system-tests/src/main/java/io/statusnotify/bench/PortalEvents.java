package io.statusnotify.bench;

import io.statusnotify.schema.Conference;
import io.statusnotify.schema.ContextAwareLinking;
import io.statusnotify.schema.Endpoint;
import io.statusnotify.schema.EndpointDetails;
import io.statusnotify.schema.Gateway;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Room;
import io.statusnotify.schema.User;
import io.statusnotify.schema.UserStatusEvent;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User-status events in the portal's input form ({@link UserStatusEvent}, "Input event" of docs/contract.md): each user
 * goes round a day of calls, one state per event: {@link #STATES}. A call state carries the conference (and, in a
 * room, the room: its own for BusyInOwnRoom); everyone online carries an endpoint; Offline carries the user only.
 * One template per tenant and state, filled by concatenation (see {@link Template}). Not thread-safe.
 */
final class PortalEvents {
    static final List<String> STATES = List.of("Online", "Ringing", "RingAccepted", "Busy", "Online", "Alerting",
            "AlertCancelled", "BusyInOwnRoom", "Online", "Ringing", "RingRejected", "Offline");
    private static final String MEMBER = "BENCH-MEMBER-MARK";
    private static final String USER = "BENCH-USER-MARK";
    private static final long TIMESTAMP = 700_000_000_000_003L;
    private final Map<String, Template[]> templates = new HashMap<>();

    static String userName(String memberId) {
        return "user" + memberId;
    }

    /** The state of a user's {@code round}-th event. */
    static String state(long round) {
        return STATES.get((int) (round % STATES.size()));
    }

    /** The event of a user's {@code round}-th status change at {@code eventTimestampMs}. */
    byte[] value(String tenant, String memberId, long round, long eventTimestampMs) {
        Template template = templates.computeIfAbsent(tenant, PortalEvents::templates)[(int) (round % STATES.size())];
        return template.fill(memberId, userName(memberId), Long.toString(eventTimestampMs))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Template[] templates(String tenant) {
        Template[] templates = new Template[STATES.size()];
        for (int i = 0; i < templates.length; i++) {
            String json = new String(Json.write(event(tenant, STATES.get(i))), StandardCharsets.UTF_8);
            templates[i] = Template.of(json, MEMBER, USER, String.valueOf(TIMESTAMP));
        }
        return templates;
    }

    static UserStatusEvent event(String tenant, String state) {
        User user = new User(USER, "Bench User " + MEMBER, MEMBER, state, tenant, "U", "1" + MEMBER);
        if (state.equals("Offline")) return new UserStatusEvent(user, null, null, null, null, null, null, TIMESTAMP);
        Endpoint endpoint = new Endpoint("D", "", "A0CEC81E9A03-" + MEMBER, MEMBER);
        EndpointDetails details = new EndpointDetails("VidyoConnect Desktop", "23.1.0", "Win 10",
                "Dell Inc. - Precision 7530", "");
        String callState = switch (state) {
            case "Ringing" -> "RINGING";
            case "RingAccepted" -> "RING ACCEPTED";
            case "RingRejected" -> "RING REJECTED";
            case "Alerting" -> "ALERTING";
            case "AlertCancelled" -> "ALERT CANCELLED";
            case "Busy", "BusyInOwnRoom" -> "IN PROGRESS";
            default -> null;
        };
        if (callState == null) return new UserStatusEvent(user, null, null, endpoint, details, null, null, TIMESTAMP);
        boolean ownRoom = state.equals("BusyInOwnRoom");
        boolean inRoom = ownRoom || state.equals("Busy");
        Room room = !inRoom ? null : ownRoom
                ? new Room(4000L, USER + "_Room", "Bench User " + MEMBER + " Room", "M", USER, "2" + MEMBER, "Kq7RoomKey")
                : new Room(20L, "Team_Room", "Team Room", "S", "teamlead", "39393", "U89HedUqbG");
        Conference conference = new Conference("1118335449862253", callState, tenant,
                (room == null ? "direct" : room.roomName()) + "@" + tenant + ".example.com", inRoom ? "C" : "D",
                "123213123", 3243L, "5821N55FG1CY549R8F9JBZWJGEYJQ49H4NQWBMYA83Q6 800VR0001", "0",
                state.startsWith("Ring") ? "O" : "I", 1, 1);
        Gateway gateway = inRoom ? new Gateway(null, null) : null;
        ContextAwareLinking linking = state.equals("Busy") ? new ContextAwareLinking("434675", "1542355", 1, 1) : null;
        return new UserStatusEvent(user, room, conference, endpoint, details, gateway, linking, TIMESTAMP);
    }
}
