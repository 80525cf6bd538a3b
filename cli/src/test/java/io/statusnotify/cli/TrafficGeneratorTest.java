package io.statusnotify.cli;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.KnownValues;
import io.statusnotify.schema.UserStatusEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficGeneratorTest {
    private static final Set<String> IN_CALL = Set.of("Busy", "BusyInOwnRoom");
    private static final Set<String> CALL_SIGNALS = Set.of("Ringing", "Alerting", "RingAccepted", "RingRejected",
            "RingNoAnswer", "AlertCancelled");

    private static List<UserStatusEvent> generate(int steps, long seed) {
        TrafficGenerator generator = new TrafficGenerator(DemoUser.ROSTER, new Random(seed), 1_000_000);
        List<UserStatusEvent> events = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            events.addAll(generator.nextStep());
        }
        return events;
    }

    @Test
    void everyEventIsAValidInputEventWithDocumentedValues() {
        List<UserStatusEvent> events = generate(2000, 42);

        for (UserStatusEvent generated : events) {
            UserStatusEvent event = Json.read(Json.write(UserStatusEvent.of(generated.body(), 1L)), UserStatusEvent.class)
                    .requireValid();
            assertThat(KnownValues.USER_STATES).contains(event.user().userState());
            assertThat(KnownValues.unknownFields(event)).as("undocumented values in %s", event).isEmpty();
            assertThat(event.tenant()).isEqualTo("demo");
            assertThat(event.userKey()).isEqualTo("demo/" + event.user().memberID());
        }
    }

    @Test
    void trafficCoversTheSeedsStatesAndCallStates() {
        List<UserStatusEvent> events = generate(2000, 7);

        assertThat(events).extracting(e -> e.user().userState()).containsAll(KnownValues.USER_STATES);
        assertThat(events).filteredOn(e -> e.conference() != null).extracting(e -> e.conference().callState())
                .contains("RINGING", "ALERTING", "RING ACCEPTED", "RING REJECTED", "RING NO ANSWER", "RING CANCELLED",
                        "ALERT CANCELLED", "IN PROGRESS", "COMPLETED");
    }

    @Test
    void ringCallStatesGoToTheCallerAndAlertCallStatesToTheCallee() {
        List<UserStatusEvent> withCallState = generate(2000, 3).stream().filter(e -> e.conference() != null).toList();

        assertThat(withCallState).filteredOn(e -> e.conference().callState().startsWith("RING"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.conference().direction()).as("%s", e).isEqualTo("O"));
        assertThat(withCallState).filteredOn(e -> e.conference().callState().startsWith("ALERT"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.conference().direction()).as("%s", e).isEqualTo("I"));
    }

    @Test
    void theCalleesRingOutcomeStatesStillSayAlerting() {
        List<UserStatusEvent> outcomes = generate(2000, 11).stream()
                .filter(e -> Set.of("RingAccepted", "RingRejected", "RingNoAnswer").contains(e.user().userState()))
                .toList();

        assertThat(outcomes).extracting(e -> e.user().userState())
                .contains("RingAccepted", "RingRejected", "RingNoAnswer");
        assertThat(outcomes).allSatisfy(e -> {
            assertThat(e.conference().callState()).isEqualTo("ALERTING");
            assertThat(e.conference().direction()).isEqualTo("I");
        });
    }

    @Test
    void anAcceptedCallTellsTheRingingCallerBeforeBothAreBusy() {
        List<UserStatusEvent> events = generate(2000, 17);

        int accepted = 0;
        for (int i = 0; i < events.size(); i++) {
            UserStatusEvent event = events.get(i);
            if (event.conference() != null && event.conference().callState().equals("RING ACCEPTED")) {
                assertThat(event.user().userState()).isEqualTo("Ringing");
                String callId = event.conference().uniqueCallID();
                assertThat(events.subList(i + 1, i + 3)).allSatisfy(next -> {
                    assertThat(next.user().userState()).isEqualTo("Busy");
                    assertThat(next.conference().callState()).isEqualTo("IN PROGRESS");
                    assertThat(next.conference().uniqueCallID()).isEqualTo(callId);
                });
                accepted++;
            }
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void eachUserFollowsAPossibleLife() {
        Map<String, String> last = new HashMap<>();

        for (UserStatusEvent event : generate(3000, 1234)) {
            String user = event.user().userName();
            String state = event.user().userState();
            String before = last.getOrDefault(user, "Offline");
            if (state.equals("Online")) {
                assertThat(before).as("%s logs in from", user).isIn(Set.of("Offline", "Online", "Busy",
                        "BusyInOwnRoom", "Ringing", "Alerting", "RingRejected", "RingNoAnswer", "AlertCancelled"));
            } else if (state.equals("Offline")) {
                assertThat(before).as("%s logs out only when Online, never from a call", user).isEqualTo("Online");
            } else if (IN_CALL.contains(state) || CALL_SIGNALS.contains(state)) {
                assertThat(before).as("%s is in a call only after logging in", user).isNotEqualTo("Offline");
            }
            last.put(user, state);
        }
    }

    @Test
    void joiningAConferenceCarriesRoomConferenceEndpointAndNullGateway() {
        List<UserStatusEvent> joins = generate(1000, 99).stream()
                .filter(e -> IN_CALL.contains(e.user().userState())).toList();

        assertThat(joins).isNotEmpty().allSatisfy(e -> {
            assertThat(e.conference().callState()).isEqualTo("IN PROGRESS");
            assertThat(e.endpoint()).isNotNull();
            assertThat(e.endpointDetails()).isNotNull();
            assertThat(e.gateway()).isNotNull();
            assertThat(e.gateway().gwid()).isNull();
            assertThat(e.gateway().gwprefix()).isNull();
        });
        assertThat(joins).filteredOn(e -> e.user().userState().equals("BusyInOwnRoom"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.room().roomOwner()).isEqualTo(e.user().userName()));
    }

    @Test
    void leavingACallCompletesTheSameConferenceTheUserJoined() {
        Map<String, String> joinedCall = new HashMap<>();
        int leaves = 0;

        for (UserStatusEvent event : generate(2000, 5)) {
            String user = event.user().userName();
            if (IN_CALL.contains(event.user().userState())) {
                joinedCall.put(user, event.conference().uniqueCallID());
            } else if (event.conference() != null && "COMPLETED".equals(event.conference().callState())) {
                assertThat(event.user().userState()).isEqualTo("Online");
                assertThat(event.conference().uniqueCallID()).isEqualTo(joinedCall.remove(user));
                assertThat(event.conference().callCompletionCode()).isIn("0", "1", "2", "3");
                leaves++;
            }
        }
        assertThat(leaves).isPositive();
    }
}
