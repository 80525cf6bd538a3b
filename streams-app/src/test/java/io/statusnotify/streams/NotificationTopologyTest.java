package io.statusnotify.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.UserStatusEvent;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.statusnotify.streams.TopologyFixture.event;
import static io.statusnotify.streams.TopologyFixture.golden;
import static io.statusnotify.streams.TopologyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationTopologyTest {
    @TempDir
    Path stateDir;
    TopologyFixture app;

    @BeforeEach
    void start() {
        app = new TopologyFixture(stateDir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void enabledTenantGetsNotificationWithExactlyTheSeedBody() {
        // given
        app.enable("Default");
        // when
        app.send("Default/2727", golden("seed-event.json"));
        // then
        List<TestRecord<String, byte[]>> out = app.notifications();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("Default/2727");
        JsonNode notification = json(out.get(0).value());
        JsonNode expected = json(golden("seed-notification.json"));
        assertThat(notification.get("userStatusNotification")).isEqualTo(expected.get("userStatusNotification"));
        assertThat(notification.get("version").asInt()).isEqualTo(1);
        assertThat(notification.get("creationTimestamp").asLong()).isEqualTo(1764079200000L);
        assertThat(notification.has("queueTimestamp")).isFalse();
        assertThat(fieldNames(notification)).containsExactly("version", "sequenceNum", "creationTimestamp",
                "userStatusNotification");
        assertThat(app.count(PipelineMeters.EVENTS_IN)).isEqualTo(1);
        assertThat(app.count(PipelineMeters.NOTIFICATIONS_OUT)).isEqualTo(1);
    }

    @Test
    void disabledTenantGetsNothing() {
        app.disable("acme");

        app.send(event("acme", "alice", "Online"));

        assertThat(app.notifications()).isEmpty();
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "tenant-disabled")).isEqualTo(1);
    }

    @Test
    void unknownTenantGetsNothing() {
        app.enable("acme");

        app.send(event("globex", "bob", "Online"));

        assertThat(app.notifications()).isEmpty();
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "unknown-tenant")).isEqualTo(1);
    }

    @Test
    void globalSwitchOffStopsEveryTenantAndBackOnLetsThemFlowAgain() {
        app.enable("acme");
        app.globalSwitch(false);

        app.send(event("acme", "alice", "Online"));
        assertThat(app.notifications()).isEmpty();
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "global-switch-off")).isEqualTo(1);

        app.globalSwitch(true);
        app.send(event("acme", "alice", "Busy"));
        assertThat(app.notifications()).singleElement()
                .satisfies(r -> assertThat(json(r.value()).at("/userStatusNotification/user/userState").asText())
                        .isEqualTo("Busy"));
    }

    @Test
    void deletingTheGlobalRecordHandsTheDecisionBackToTheSetting() {
        app.enable("acme");
        app.globalSwitch(false);
        app.tombstone("__global__");

        app.send(event("acme", "alice", "Online"));

        assertThat(app.notifications()).hasSize(1);
    }

    @Test
    void absentGlobalRecordWithDefaultFalseDropsEverything(@TempDir Path otherStateDir) {
        try (TopologyFixture closedByDefault = new TopologyFixture(otherStateDir, false)) {
            closedByDefault.enable("acme");

            closedByDefault.send(event("acme", "alice", "Online"));
            assertThat(closedByDefault.notifications()).isEmpty();
            assertThat(closedByDefault.count(PipelineMeters.EVENTS_DROPPED, "reason", "global-switch-off")).isEqualTo(1);

            closedByDefault.globalSwitch(true);
            closedByDefault.send(event("acme", "alice", "Busy"));
            assertThat(closedByDefault.notifications()).hasSize(1);
        }
    }

    @Test
    void tombstoneDeletesTheTenant() {
        app.enable("acme");
        app.send(event("acme", "alice", "Online"));
        assertThat(app.notifications()).hasSize(1);

        app.tombstone("acme");
        app.send(event("acme", "alice", "Busy"));

        assertThat(app.notifications()).isEmpty();
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "unknown-tenant")).isEqualTo(1);
    }

    @Test
    void configChangeTakesEffectForTheNextEvent() {
        app.enable("acme");
        app.send(event("acme", "alice", "Online"));
        app.disable("acme");
        app.send(event("acme", "alice", "Busy"));
        app.enable("acme");
        app.send(event("acme", "alice", "Offline"));

        assertThat(app.notifications()).extracting(r -> json(r.value()).at("/userStatusNotification/user/userState").asText())
                .containsExactly("Online", "Offline");
    }

    @Test
    void nonJsonConfigRecordIsIgnoredWithoutAffectingOtherTenants() {
        app.enable("acme");
        app.enable("globex");

        app.configure("globex", "this is not json");
        app.configure("initech", "{\"enabled\":\"yes\"}");
        app.send(event("acme", "alice", "Online"));
        app.send(event("globex", "bob", "Online"));
        app.send(event("initech", "carol", "Online"));

        assertThat(app.notifications()).extracting(TestRecord::key).containsExactly("acme/alice");
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "invalid-tenant-config")).isEqualTo(2);
    }

    @Test
    void unreadableGlobalSwitchRecordFailsClosed() {
        app.enable("acme");

        app.configure("__global__", "{\"allowTenantConfig\":\"false\"}");
        app.send(event("acme", "alice", "Online"));

        assertThat(app.notifications()).isEmpty();
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "global-switch-off")).isEqualTo(1);
    }

    @Test
    void dropsAreCountedByReason() {
        app.enable("acme");
        app.disable("hooli");
        app.configure("initech", "{");

        app.send(event("acme", "a", "Online"));
        app.send(event("hooli", "b", "Online"));
        app.send(event("hooli", "c", "Online"));
        app.send(event("nobody", "d", "Online"));
        app.send(event("initech", "e", "Online"));

        assertThat(app.count(PipelineMeters.EVENTS_IN)).isEqualTo(5);
        assertThat(app.count(PipelineMeters.NOTIFICATIONS_OUT)).isEqualTo(1);
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "tenant-disabled")).isEqualTo(2);
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "unknown-tenant")).isEqualTo(1);
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "invalid-tenant-config")).isEqualTo(1);
        assertThat(app.count(PipelineMeters.EVENTS_DROPPED, "reason", "global-switch-off")).isZero();
    }

    @Test
    void creationTimestampIsTheEventTimestampWhenPresent() {
        app.enable("acme");
        UserStatusEvent withTimestamp = withEventTimestamp(event("acme", "alice", "Online"), 1_700_000_000_123L);

        app.events.pipeInput(withTimestamp.userKey(), Json.write(withTimestamp),
                Instant.ofEpochMilli(1_800_000_000_000L));

        assertThat(json(app.notifications().get(0).value()).get("creationTimestamp").asLong())
                .isEqualTo(1_700_000_000_123L);
    }

    @Test
    void creationTimestampIsTheRecordTimestampWithoutEventTimestamp() {
        app.enable("acme");
        UserStatusEvent withoutTimestamp = withEventTimestamp(event("acme", "alice", "Online"), null);

        app.events.pipeInput(withoutTimestamp.userKey(), Json.write(withoutTimestamp),
                Instant.ofEpochMilli(1_800_000_000_000L));

        assertThat(json(app.notifications().get(0).value()).get("creationTimestamp").asLong())
                .isEqualTo(1_800_000_000_000L);
    }

    @Test
    void unknownUserStatePassesThroughUnchangedAndIsCounted() {
        app.enable("acme");

        app.send(event("acme", "alice", "OnVacation"));

        assertThat(json(app.notifications().get(0).value()).at("/userStatusNotification/user/userState").asText())
                .isEqualTo("OnVacation");
        assertThat(app.count(PipelineMeters.UNKNOWN_VALUES, "field", "user.userState")).isEqualTo(1);
    }

    @Test
    void notificationIsKeyedByTenantAndMember() {
        app.enable("acme");

        app.send("whatever-the-portal-used", Json.write(event("acme", "m-42", "Online")));

        assertThat(app.notifications()).extracting(TestRecord::key).containsExactly("acme/m-42");
    }

    private static UserStatusEvent withEventTimestamp(UserStatusEvent e, Long timestamp) {
        return new UserStatusEvent(e.user(), e.room(), e.conference(), e.endpoint(), e.endpointDetails(), e.gateway(),
                e.contextAwareLinking(), timestamp);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
