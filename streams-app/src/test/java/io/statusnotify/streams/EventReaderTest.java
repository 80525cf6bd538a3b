package io.statusnotify.streams;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.KnownValues;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.UserStatusEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.statusnotify.streams.TopologyFixture.golden;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader and writer against the bound path they replace ({@code Json.read(..).requireValid()}, then
 * {@code Json.write(Notification.of(..))}): the same bytes, key, tenant and unknown values for every valid event,
 * the same reason and message for every bad one.
 */
class EventReaderTest {
    private static final long SEQUENCE_NUM = (1234L << 12) | 5;
    private static final long RECORD_TIMESTAMP = 1_800_000_000_000L;

    private final EventReader reader = new EventReader();

    /** Everything the processor takes from an event, or why it cannot be used. */
    record Outcome(String tenant, String key, List<String> unknown, String notification, String reason,
                   String message) {
    }

    static Outcome bound(byte[] value) {
        try {
            UserStatusEvent event = Json.read(value, UserStatusEvent.class).requireValid();
            long created = event.eventTimestamp() != null ? event.eventTimestamp() : RECORD_TIMESTAMP;
            byte[] bytes = Json.write(Notification.of(SEQUENCE_NUM, created, event.body()));
            return new Outcome(event.tenant(), event.userKey(), KnownValues.unknownFields(event),
                    new String(bytes, StandardCharsets.UTF_8), null, null);
        } catch (BadRecordException e) {
            return new Outcome(null, null, null, null, e.reason(), e.getMessage());
        }
    }

    Outcome streamed(byte[] value) {
        try {
            EventReader.ReadEvent event = reader.read(value);
            List<String> unknown = new ArrayList<>();
            event.forEachUnknown(unknown::add);
            byte[] bytes = event.notification(SEQUENCE_NUM, event.creationTimestamp(RECORD_TIMESTAMP));
            return new Outcome(event.tenant(), event.userKey(), unknown, new String(bytes, StandardCharsets.UTF_8),
                    null, null);
        } catch (BadRecordException e) {
            return new Outcome(null, null, null, null, e.reason(), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-event.json", "seed-event.oneline.json"})
    void givenTheGoldenEventWhenReadThenTheStreamedNotificationIsByteIdenticalToTheBoundOne(String file) {
        byte[] value = golden(file);

        Outcome streamed = streamed(value);

        assertThat(reader.read(value)).isInstanceOf(EventReader.Scanned.class);
        assertThat(streamed).isEqualTo(bound(value));
        assertThat(streamed.notification()).startsWith("{\"version\":1,\"sequenceNum\":" + SEQUENCE_NUM
                + ",\"creationTimestamp\":").contains(",\"userStatusNotification\":{\"user\":{\"userName\":\"kram\"");
        assertThat(streamed.notification()).contains("\"gateway\":{\"gwid\":null,\"gwprefix\":null}");
    }

    @Test
    void givenVariedValidEventsWhenReadThenEachIsScannedAndByteIdenticalToTheBoundPath() {
        EventMutations mutations = new EventMutations(new Random(7));
        for (int i = 0; i < 3000; i++) {
            byte[] value = mutations.valid().getBytes(StandardCharsets.UTF_8);

            Outcome streamed = streamed(value);

            assertThat(streamed).as(new String(value, StandardCharsets.UTF_8)).isEqualTo(bound(value));
            assertThat(reader.read(value)).as(new String(value, StandardCharsets.UTF_8))
                    .isInstanceOf(EventReader.Scanned.class);
        }
    }

    @Test
    void givenRandomlyBrokenEventsWhenReadThenTheOutcomeIsTheBoundPathsReasonAndMessage() {
        EventMutations mutations = new EventMutations(new Random(11));
        int bad = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] value = mutations.anything().getBytes(StandardCharsets.UTF_8);

            Outcome expected = bound(value);

            assertThat(streamed(value)).as(new String(value, StandardCharsets.UTF_8)).isEqualTo(expected);
            if (expected.reason() != null) bad++;
        }
        assertThat(bad).as("bad inputs among the mutations").isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all", "", "null", "[1,2,3]", "\"a string\"", "42", "{oops", "{}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\",\"userState\":7}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\"}}",
            "{\"room\":{\"roomID\":1}}",
            "{\"user\":null}",
            "{\"user\":{\"userName\":\" \",\"tenantName\":\"acme\",\"userState\":\"Online\"}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\",\"userState\":\"Online\",\"userName\":\"b\"}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"acme\",\"userState\":\"Online\"},\"user\":{}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\",\"x\":1,\"x\":2}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"f\":{\"y\":1,\"y\":2}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"room\":{\"roomID\":\"twenty\"}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"room\":{\"roomID\":2.5}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"room\":{\"roomID\":99999999999999999999}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"conference\":{\"audioState\":3000000000}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"conference\":{\"audioState\":true}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\",\"memberID\":2727}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\",\"memberID\":{\"x\":1}}}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"gateway\":[]}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"},\"eventTimestamp\":\"now\"}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"}} trailing",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"}}{}",
            "{\"user\":{\"userName\":\"a\",\"tenantName\":\"t\",\"userState\":\"Online\"}"})
    void givenABadEventWhenReadThenItFailsWithTheBoundPathsReasonAndMessage(String json) {
        byte[] value = json.getBytes(StandardCharsets.UTF_8);

        Outcome streamed = streamed(value);

        assertThat(streamed.reason()).isNotNull();
        assertThat(streamed).isEqualTo(bound(value));
    }

    @Test
    void givenNoValueWhenReadThenItIsANullValue() {
        assertThat(streamed(null)).isEqualTo(bound(null));
        assertThat(streamed(null).reason()).isEqualTo("null-value");
    }

    @Test
    void givenRareButValidShapesWhenReadThenTheBoundPathGivesTheSameNotification() {
        // an unknown key holding an object is left to the bound reading, which ignores it
        String json = "{\"future\":{\"a\":[1,{\"b\":2}]},\"user\":{\"userName\":\"a\",\"tenantName\":\"t\","
                + "\"userState\":\"Online\"}}";
        byte[] value = json.getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read(value)).isInstanceOf(EventReader.Bound.class);
        assertThat(streamed(value)).isEqualTo(bound(value));
        assertThat(streamed(value).notification()).doesNotContain("future");
    }
}
