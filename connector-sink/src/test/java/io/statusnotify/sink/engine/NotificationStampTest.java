package io.statusnotify.sink.engine;

import io.statusnotify.sink.SinkHarness;

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
            NotificationStamp.read(bytes(json));
            return "none";
        } catch (BadRecordException e) {
            return e.reason();
        }
    }

    private static byte[] stamped(byte[] value, long queueTimestamp) {
        return NotificationStamp.stamp(value, NotificationStamp.read(value).stampAt(), queueTimestamp);
    }

    @Test
    void givenANotificationAsTheStreamsAppWritesIt_whenStamped_thenItIsExactlyWhatJacksonWouldWrite() {
        Notification notification = SinkHarness.seedNotification("acme", 123_456_789_012L);
        byte[] written = Json.write(notification);

        NotificationStamp.Parsed parsed = NotificationStamp.read(written);
        byte[] body = NotificationStamp.stamp(written, parsed.stampAt(), STAMP);

        assertThat(parsed.tenant()).isEqualTo("acme");
        assertThat(parsed.sequenceNum()).isEqualTo(123_456_789_012L);
        assertThat(parsed.hasStamp()).isFalse();
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(notification.withQueueTimestamp(STAMP)), StandardCharsets.UTF_8));
    }

    @Test
    void givenAPolledNotification_whenRead_thenItsBytesAreLeftAsTheyAreUntilItIsStamped() {
        byte[] written = Json.write(SinkHarness.seedNotification("acme", 7));
        byte[] copy = written.clone();

        NotificationStamp.Parsed parsed = NotificationStamp.read(written);

        assertThat(written).isEqualTo(copy);
        assertThat(new String(written, 0, parsed.stampAt(), StandardCharsets.UTF_8)).endsWith(",");
        assertThat(new String(written, parsed.stampAt(), written.length - parsed.stampAt(), StandardCharsets.UTF_8))
                .startsWith("\"userStatusNotification\"");
    }

    @Test
    void givenTheSameStampTime_whenStampedTwice_thenTheBytesAreTheSame() {
        byte[] written = Json.write(SinkHarness.seedNotification("acme", 7));
        byte[] producerStamped = Json.write(SinkHarness.seedNotification("acme", 7).withQueueTimestamp(5L));

        assertThat(stamped(written, STAMP)).isEqualTo(stamped(written, STAMP));
        assertThat(stamped(producerStamped, STAMP)).isEqualTo(stamped(producerStamped, STAMP));
    }

    @Test
    void givenANotificationThatHoldsAStampAlready_whenStamped_thenTheStampIsReplaced() {
        byte[] stampedBefore = Json.write(SinkHarness.seedNotification("acme", 7).withQueueTimestamp(5L));

        NotificationStamp.Parsed parsed = NotificationStamp.read(stampedBefore);

        assertThat(parsed.hasStamp()).isTrue();
        assertThat(Json.read(NotificationStamp.stamp(stampedBefore, parsed.stampAt(), STAMP), Notification.class)
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

        byte[] body = stamped(bytes(pretty), STAMP);

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
        assertThatThrownBy(() -> NotificationStamp.read(null)).isInstanceOf(BadRecordException.class);
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
        assertThat(NotificationStamp.read(bytes(valid + "\n")).tenant()).isEqualTo("a");

        assertThat(reason(valid + " {}")).isEqualTo("not-json");
        assertThat(reason(valid + "x")).isEqualTo("not-json");
    }
}
