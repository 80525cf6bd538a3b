package io.statusnotify.cli;

import io.statusnotify.schema.Conference;
import io.statusnotify.schema.Gateway;
import io.statusnotify.schema.Room;
import io.statusnotify.schema.UserStatusEvent;

/** Builds the demo users' events in the portal's input form; timestamps are stamped when sent. */
final class DemoEvents {
    static final String DOMAIN = "demo.statusnotify.local";
    static final Room TEAM_ROOM = new Room(900L, "Team_Standup", "Team Stand-up", "P", "alice", "39900", "TEAMKEY900");
    private static final String ROUTER = "DEMOROUTER01";

    private DemoEvents() {
    }

    /** Log-in, log-out, or back to Online after a call that never started: the user alone. */
    static UserStatusEvent presence(DemoUser user, String userState) {
        return new UserStatusEvent(user.withState(userState), null, null, null, null, null, null, null);
    }

    /** A state of a direct call that is not in progress (ringing, alerting, rejected...). */
    static UserStatusEvent callSignal(DemoUser user, String userState, Call call, String callState, String direction) {
        Conference conference = new Conference(call.uniqueCallID(), callState, DemoUser.TENANT,
                call.conferenceName(), "D", call.conferenceID(), null, ROUTER, null, direction, null, null);
        return new UserStatusEvent(user.withState(userState), null, conference, null, null, null, null, null);
    }

    /** In a conference or an accepted direct call: the full picture, gateway fields null (no gateway involved). */
    static UserStatusEvent inCall(DemoUser user, String userState, Call call, Room room, long participantId,
                                  String direction) {
        return withCall(user, userState, call, room, participantId, "IN PROGRESS", "0", direction);
    }

    /** Left the call: Online again, the conference COMPLETED with why it ended. */
    static UserStatusEvent leftCall(DemoUser user, Call call, Room room, long participantId, String direction,
                                    String completionCode) {
        return withCall(user, "Online", call, room, participantId, "COMPLETED", completionCode, direction);
    }

    private static UserStatusEvent withCall(DemoUser user, String userState, Call call, Room room,
                                            long participantId, String callState, String completionCode,
                                            String direction) {
        Conference conference = new Conference(call.uniqueCallID(), callState, DemoUser.TENANT,
                call.conferenceName(), call.conferenceType(), call.conferenceID(), participantId, ROUTER,
                completionCode, direction, 1, 1);
        return new UserStatusEvent(user.withState(userState), room, conference, user.endpoint(),
                user.endpointDetails(), new Gateway(null, null), null, null);
    }

    /** One call or conference: the ids every participant's events share. */
    record Call(String uniqueCallID, String conferenceID, String conferenceName, String conferenceType) {
        static Call conference(long callId, Room room) {
            return new Call(Long.toString(callId), Long.toString(room.roomID() * 1000 + callId % 1000),
                    room.roomName() + "@" + DOMAIN, "C");
        }

        static Call direct(long callId, DemoUser caller) {
            return new Call(Long.toString(callId), Long.toString(callId % 1_000_000),
                    caller.userName() + "@" + DOMAIN, "D");
        }
    }
}
