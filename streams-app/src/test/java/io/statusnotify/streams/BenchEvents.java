package io.statusnotify.streams;

import io.statusnotify.schema.Conference;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Room;
import io.statusnotify.schema.User;
import io.statusnotify.schema.UserStatusEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic user-status events in input form for the CPU measurements: the spec's full body (as "Input event" of
 * docs/contract.md shows it), with varied tenants, users, user and call states, and some events without a room or conference
 * (a user going online or offline). Seeded, so every run measures the same bytes.
 */
final class BenchEvents {
    static final List<String> STATES = List.of("Online", "Busy", "BusyInOwnRoom", "Ringing", "RingAccepted",
            "Offline", "Alerting");
    static final List<String> CALL_STATES = List.of("RINGING", "IN PROGRESS", "COMPLETED", "ALERTING");

    record Event(String key, byte[] value) {
    }

    private BenchEvents() {
    }

    static List<String> tenants(int count) {
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < count; t++) tenants.add("tenant-" + t);
        return tenants;
    }

    static List<Event> generate(int count, List<String> tenants, int users, long seed) {
        UserStatusEvent base = Json.read(TopologyFixture.golden("seed-event.json"), UserStatusEvent.class);
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int userId = random.nextInt(users);
            String tenant = tenants.get(userId % tenants.size());
            String state = STATES.get(random.nextInt(STATES.size()));
            boolean inCall = !state.equals("Online") && !state.equals("Offline");
            User u = base.user();
            User user = new User("user" + userId, "User Nr. " + userId, Integer.toString(10_000 + userId), state,
                    tenant, u.accessType(), Integer.toString(100 + userId % 900));
            Room r = base.room();
            Room room = new Room((long) (userId % 5000), "Room_" + userId, r.roomDisplayName(), r.roomType(),
                    user.userName(), r.roomExtension(), r.roomKey());
            Conference c = base.conference();
            Conference conference = new Conference(Long.toString(1_118_335_449_862_253L + i),
                    CALL_STATES.get(random.nextInt(CALL_STATES.size())), tenant, c.conferenceName(), c.conferenceType(),
                    c.conferenceID(), (long) random.nextInt(100_000), c.routerID(), c.callCompletionCode(),
                    c.direction(), c.audioState(), c.videoState());
            UserStatusEvent event = new UserStatusEvent(user, inCall ? room : null, inCall ? conference : null,
                    base.endpoint(), base.endpointDetails(), inCall ? base.gateway() : null,
                    inCall ? base.contextAwareLinking() : null, 1_764_079_200_000L + i);
            events.add(new Event(event.userKey(), Json.write(event)));
        }
        return events;
    }
}
