package io.statusnotify.bench;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.UserStatusEvent;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PortalEventsTest {
    private static final long AT = 1_764_000_000_123L;
    private final PortalEvents events = new PortalEvents();

    @Test
    void givenEveryStateOfTheRound_whenGenerated_thenEachEventIsValidInputForItsUser() {
        // given a user's whole round of states
        LongStream.range(0, PortalEvents.STATES.size()).forEach(round -> {
            // when
            UserStatusEvent event = Json.read(events.value("bench-t2", "1042", round, AT + round), UserStatusEvent.class)
                    .requireValid();

            // then it is the portal's event for bench-t2/1042, stamped with the given time, in its round's state
            assertThat(event.user().memberID()).isEqualTo("1042");
            assertThat(event.user().userName()).isEqualTo("user1042");
            assertThat(event.user().displayName()).isEqualTo("Bench User 1042");
            assertThat(event.tenant()).isEqualTo("bench-t2");
            assertThat(event.eventTimestamp()).isEqualTo(AT + round);
            assertThat(event.user().userState()).isEqualTo(PortalEvents.state(round));
            assertThat(event.userKey()).as("the key the load generator uses")
                    .isEqualTo(Notifications.key("bench-t2", "1042"));
        });
    }

    @Test
    void givenTheRound_whenListed_thenItMixesTheSpecsStatesWithConferenceAndRoomWhereTheyBelong() {
        // when
        List<UserStatusEvent> round = LongStream.range(0, PortalEvents.STATES.size())
                .mapToObj(n -> Json.read(events.value("t", "7", n, AT), UserStatusEvent.class)).toList();

        // then
        Set<String> states = new HashSet<>(PortalEvents.STATES);
        assertThat(states).contains("Online", "Ringing", "RingAccepted", "Busy", "BusyInOwnRoom", "Offline",
                "Alerting", "AlertCancelled", "RingRejected");
        for (UserStatusEvent event : round) {
            String state = event.user().userState();
            boolean inCall = !state.equals("Online") && !state.equals("Offline");
            assertThat(event.conference() != null).as(state + " has a conference").isEqualTo(inCall);
            assertThat(event.room() != null).as(state + " has a room").isEqualTo(state.startsWith("Busy"));
            assertThat(event.endpoint() != null).as(state + " has an endpoint").isEqualTo(!state.equals("Offline"));
        }
        UserStatusEvent ownRoom = round.get(PortalEvents.STATES.indexOf("BusyInOwnRoom"));
        assertThat(ownRoom.room().roomOwner()).isEqualTo("user7");
        assertThat(ownRoom.room().roomType()).isEqualTo("M");
        assertThat(ownRoom.conference().callState()).isEqualTo("IN PROGRESS");
        assertThat(round.get(PortalEvents.STATES.indexOf("Ringing")).conference().callState()).isEqualTo("RINGING");
    }

    @Test
    void givenTheWorkload_whenRecordsAreNumbered_thenEachUserGoesRoundTheStatesInOrder() {
        // given 2 tenants of 3 users: records 0..5 are everyone's first event, 6..11 their second
        Workload workload = Workload.of(2, 3, 0);

        // then
        assertThat(workload.roundOf(5)).isZero();
        assertThat(workload.roundOf(6)).isEqualTo(1);
        assertThat(workload.tenantOf(6) + "/" + workload.memberOf(6)).isEqualTo(workload.tenantOf(0) + "/" + workload.memberOf(0));
        assertThat(PortalEvents.state(workload.roundOf(6))).isEqualTo("Ringing");
    }

    @Test
    void givenAnEvent_whenSerializedByTheTemplate_thenItIsTheSameAsTheSchemasOwnSerialization() {
        // when
        byte[] filled = events.value("bench-t1", "1000", 3, AT);

        // then concatenation built exactly what Json would have
        UserStatusEvent parsed = Json.read(filled, UserStatusEvent.class);
        assertThat(new String(Json.write(parsed))).isEqualTo(new String(filled));
        assertThat(filled.length).as("about the seed's size").isBetween(700, 1500);
    }
}
