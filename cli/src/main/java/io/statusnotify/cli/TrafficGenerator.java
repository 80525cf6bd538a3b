package io.statusnotify.cli;

import io.statusnotify.cli.DemoEvents.Call;
import io.statusnotify.schema.Room;
import io.statusnotify.schema.UserStatusEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic portal traffic for the demo users, following the seed's state descriptions: users log in (Online),
 * call each other (caller Ringing, callee Alerting, then the callee RingAccepted, RingRejected, RingNoAnswer or
 * AlertCancelled while the caller's call state says how it went), join conferences (Busy, or BusyInOwnRoom in their
 * personal room), leave them (Online, the conference COMPLETED) and log out (Offline). Each step is what one
 * action makes the portal send; every user's events follow a possible life (nobody joins before logging in or logs
 * out while in a call).
 */
final class TrafficGenerator {
    private enum Phase { OFFLINE, ONLINE, IN_CALL }

    /** Where a user is: in a call, with the ids their events share and, for a direct call, the other party. */
    private record Presence(Phase phase, Call call, Room room, long participantId, String direction, DemoUser partner) {
        static final Presence OFFLINE = new Presence(Phase.OFFLINE, null, null, 0, null, null);
        static final Presence ONLINE = new Presence(Phase.ONLINE, null, null, 0, null, null);
    }

    private final List<DemoUser> users;
    private final Random random;
    private final Map<DemoUser, Presence> presence = new HashMap<>();
    private final Map<Long, Call> runningConferences = new HashMap<>();
    private final Map<Long, Integer> participants = new HashMap<>();
    private long nextCallId;
    private long nextParticipantId = 3000;

    TrafficGenerator(List<DemoUser> users, Random random, long firstCallId) {
        this.users = List.copyOf(users);
        this.random = random;
        this.nextCallId = firstCallId;
        users.forEach(u -> presence.put(u, Presence.OFFLINE));
    }

    /** The events of the next action of a randomly chosen user, in the order the portal sends them. */
    List<UserStatusEvent> nextStep() {
        DemoUser user = users.get(random.nextInt(users.size()));
        return switch (presence.get(user).phase()) {
            case OFFLINE -> logIn(user);
            case IN_CALL -> leave(user);
            case ONLINE -> actWhileOnline(user);
        };
    }

    private List<UserStatusEvent> actWhileOnline(DemoUser user) {
        int dice = random.nextInt(100);
        List<DemoUser> reachable = users.stream()
                .filter(u -> u != user && presence.get(u).phase() == Phase.ONLINE).toList();
        if (dice < 35 || (dice < 80 && reachable.isEmpty())) {
            return join(user);
        }
        if (dice < 80) {
            return call(user, reachable.get(random.nextInt(reachable.size())));
        }
        presence.put(user, Presence.OFFLINE);
        return List.of(DemoEvents.presence(user, "Offline"));
    }

    private List<UserStatusEvent> logIn(DemoUser user) {
        presence.put(user, Presence.ONLINE);
        return List.of(DemoEvents.presence(user, "Online"));
    }

    private List<UserStatusEvent> join(DemoUser user) {
        boolean ownRoom = random.nextBoolean();
        Room room = ownRoom ? user.personalRoom() : DemoEvents.TEAM_ROOM;
        Call call = runningConferences.computeIfAbsent(room.roomID(), id -> Call.conference(nextCallId++, room));
        participants.merge(room.roomID(), 1, Integer::sum);
        long participantId = nextParticipantId++;
        presence.put(user, new Presence(Phase.IN_CALL, call, room, participantId, "O", null));
        return List.of(DemoEvents.inCall(user, ownRoom ? "BusyInOwnRoom" : "Busy", call, room, participantId, "O"));
    }

    /**
     * A direct call. The seed's RING call states tell the initiating side (the caller) how the call went; the callee
     * only ever sees ALERTING or ALERT CANCELLED, whatever its userState says it did.
     */
    private List<UserStatusEvent> call(DemoUser caller, DemoUser callee) {
        Call call = Call.direct(nextCallId++, caller);
        List<UserStatusEvent> events = new ArrayList<>(List.of(
                DemoEvents.callSignal(caller, "Ringing", call, "RINGING", "O"),
                DemoEvents.callSignal(callee, "Alerting", call, "ALERTING", "I")));
        int outcome = random.nextInt(100);
        if (outcome < 60) {
            events.add(DemoEvents.callSignal(callee, "RingAccepted", call, "ALERTING", "I"));
            events.add(DemoEvents.callSignal(caller, "Ringing", call, "RING ACCEPTED", "O"));
            long callerId = nextParticipantId++;
            long calleeId = nextParticipantId++;
            presence.put(caller, new Presence(Phase.IN_CALL, call, null, callerId, "O", callee));
            presence.put(callee, new Presence(Phase.IN_CALL, call, null, calleeId, "I", caller));
            events.add(DemoEvents.inCall(caller, "Busy", call, null, callerId, "O"));
            events.add(DemoEvents.inCall(callee, "Busy", call, null, calleeId, "I"));
            return events;
        }
        if (outcome < 75) {
            events.add(DemoEvents.callSignal(callee, "RingRejected", call, "ALERTING", "I"));
            events.add(DemoEvents.callSignal(caller, "Online", call, "RING REJECTED", "O"));
        } else if (outcome < 90) {
            events.add(DemoEvents.callSignal(callee, "RingNoAnswer", call, "ALERTING", "I"));
            events.add(DemoEvents.callSignal(caller, "Online", call, "RING NO ANSWER", "O"));
        } else {
            // The caller hangs up before an answer.
            events.add(DemoEvents.callSignal(caller, "Online", call, "RING CANCELLED", "O"));
            events.add(DemoEvents.callSignal(callee, "AlertCancelled", call, "ALERT CANCELLED", "I"));
        }
        events.add(DemoEvents.presence(callee, "Online"));
        return events;
    }

    private List<UserStatusEvent> leave(DemoUser user) {
        Presence here = presence.get(user);
        presence.put(user, Presence.ONLINE);
        if (here.partner() != null) {
            // A direct call ends for both parties when one hangs up.
            Presence there = presence.get(here.partner());
            presence.put(here.partner(), Presence.ONLINE);
            return List.of(
                    DemoEvents.leftCall(user, here.call(), null, here.participantId(), here.direction(), "1"),
                    DemoEvents.leftCall(here.partner(), there.call(), null, there.participantId(), there.direction(), "1"));
        }
        long roomID = here.room().roomID();
        if (participants.merge(roomID, -1, Integer::sum) == 0) {
            participants.remove(roomID);
            runningConferences.remove(roomID);
        }
        // Now and then the room owner or an admin ends someone's participation.
        String completionCode = random.nextInt(10) == 0 ? "2" : "1";
        return List.of(DemoEvents.leftCall(user, here.call(), here.room(), here.participantId(), here.direction(),
                completionCode));
    }
}
