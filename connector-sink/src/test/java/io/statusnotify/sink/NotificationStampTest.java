package io.statusnotify.sink;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationStampTest {
    private static final long STAMP = 1_764_080_000_123L;

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(String json) {
        try {
            NotificationStamp.stamp(bytes(json), STAMP, false);
            return "none";
        } catch (BadRecordException e) {
            return e.reason();
        }
    }

    @Test
    void aNotificationAsTheStreamsAppWritesItIsStampedToExactlyWhatJacksonWouldWrite() {
        Notification notification = SinkHarness.seedNotification("acme", 123_456_789_012L);
        byte[] written = Json.write(notification);

        NotificationStamp.Stamped stamped = NotificationStamp.stamp(written, STAMP, false);

        assertThat(stamped.tenant()).isEqualTo("acme");
        assertThat(stamped.sequenceNum()).isEqualTo(123_456_789_012L);
        assertThat(new String(stamped.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(notification.withQueueTimestamp(STAMP)), StandardCharsets.UTF_8));
    }

    @Test
    void aStampedNotificationKeepsItsBytesOnTheRetryPathAndIsRestampedOtherwise() {
        byte[] stampedBefore = Json.write(SinkHarness.seedNotification("acme", 7).withQueueTimestamp(5L));

        assertThat(NotificationStamp.stamp(stampedBefore, STAMP, true).body()).isSameAs(stampedBefore);
        assertThat(Json.read(NotificationStamp.stamp(stampedBefore, STAMP, false).body(), Notification.class)
                .queueTimestamp()).isEqualTo(STAMP);
    }

    @Test
    void prettyPrintedJsonGetsAValidStampToo() throws Exception {
        String pretty = """
                {
                  "version" : 1,
                  "sequenceNum" : 42,
                  "creationTimestamp" : 1764000000000,
                  "userStatusNotification" : { "user" : { "tenantName" : "acme", "memberID" : "7" } }
                }""";

        byte[] body = NotificationStamp.stamp(bytes(pretty), STAMP, false).body();

        assertThat(Json.mapper().readTree(body).get("queueTimestamp").asLong()).isEqualTo(STAMP);
        assertThat(Json.mapper().readTree(body).get("userStatusNotification").get("user").get("memberID").asText())
                .isEqualTo("7");
    }

    @Test
    void whatCannotBeANotificationIsRefusedWithAReason() {
        assertThat(reason("this is not json")).isEqualTo("not-json");
        assertThat(reason("{\"sequenceNum\":1,\"userStatusNotification\":{\"user\":{\"tenantName\":\"a\"}")).isEqualTo("not-json");
        assertThat(reason("[1,2]")).isEqualTo("not-an-object");
        assertThat(reason("{\"sequenceNum\":\"1\",\"userStatusNotification\":{\"user\":{\"tenantName\":\"a\"}}}")).isEqualTo("wrong-type");
        assertThat(reason("{\"userStatusNotification\":{\"user\":{\"tenantName\":\"a\"}}}")).isEqualTo("missing-field");
        assertThat(reason("{\"sequenceNum\":1,\"userStatusNotification\":{\"user\":{}}}")).isEqualTo("missing-field");
        assertThat(reason("{\"sequenceNum\":1,\"userStatusNotification\":{\"user\":{\"tenantName\":\" \"}}}")).isEqualTo("missing-field");
        assertThatThrownBy(() -> NotificationStamp.stamp(null, STAMP, false)).isInstanceOf(BadRecordException.class);
    }

    @Test
    void aFieldTheSinkActsOnGivenTwiceIsRefusedAsAmbiguous() {
        String user = "\"user\":{\"tenantName\":\"a\"}";
        assertThat(reason("{\"sequenceNum\":1,\"sequenceNum\":2,\"userStatusNotification\":{" + user + "}}")).isEqualTo("invalid");
        assertThat(reason("{\"sequenceNum\":1,\"userStatusNotification\":{" + user + "},\"userStatusNotification\":{"
                + user.replace("\"a\"", "\"b\"") + "}}")).isEqualTo("invalid");
        assertThat(reason("{\"sequenceNum\":1,\"userStatusNotification\":{" + user + "," + user + "}}")).isEqualTo("invalid");
        assertThat(reason("{\"sequenceNum\":1,\"userStatusNotification\":{\"user\":{\"tenantName\":\"a\",\"tenantName\":\"b\"}}}"))
                .isEqualTo("invalid");
        assertThat(reason("{\"sequenceNum\":1,\"queueTimestamp\":1,\"queueTimestamp\":2,\"userStatusNotification\":{" + user + "}}"))
                .isEqualTo("invalid");
    }

    @Test
    void contentAfterTheNotificationIsRefused() {
        String valid = "{\"sequenceNum\":1,\"userStatusNotification\":{\"user\":{\"tenantName\":\"a\"}}}";
        assertThat(NotificationStamp.stamp(bytes(valid + "\n"), STAMP, false).tenant()).isEqualTo("a");

        assertThat(reason(valid + " {}")).isEqualTo("not-json");
        assertThat(reason(valid + "x")).isEqualTo("not-json");
    }
}
