package io.statusnotify.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenSeedExampleTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenSeedExampleTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void seedExampleRoundTripsToTheSameJson() throws IOException {
        // given the seed's example message, made valid JSON
        byte[] seed = resource("seed-notification.json");

        // when it goes through the model and the serializer
        Notification model = new JsonSerde<>(Notification.class).deserializer().deserialize("t", seed);
        byte[] out = new JsonSerde<>(Notification.class).serializer().serialize("t", model);

        // then the same keys, values and types come out, in the seed's order
        JsonNode expected = Json.mapper().readTree(seed);
        JsonNode actual = Json.mapper().readTree(out);
        assertThat(actual).isEqualTo(expected);
        assertThat(fieldPaths(actual)).containsExactlyElementsOf(fieldPaths(expected));
        assertThat(actual.at("/userStatusNotification/room/roomID").isIntegralNumber()).isTrue();
        assertThat(actual.at("/userStatusNotification/conference/participantId").isIntegralNumber()).isTrue();
        assertThat(actual.at("/userStatusNotification/gateway/gwid").isNull()).isTrue();
        assertThat(actual.at("/sequenceNum").asLong()).isEqualTo(1118325485454984L);
    }

    @Test
    void seedEventInInputFormBecomesTheSeedBody() throws IOException {
        // given the seed's body in input form
        UserStatusEvent event = Json.read(resource("seed-event.json"), UserStatusEvent.class).requireValid();

        // when it becomes a notification body
        JsonNode body = Json.mapper().readTree(Json.write(event.body()));

        // then it is exactly the seed's userStatusNotification
        JsonNode expected = Json.mapper().readTree(resource("seed-notification.json")).get("userStatusNotification");
        assertThat(body).isEqualTo(expected);
        assertThat(event.userKey()).isEqualTo("Default/2727");
        assertThat(event.eventTimestamp()).isEqualTo(1764079200000L);
    }

    @Test
    void optionalObjectsAreOmittedWhenAbsent() {
        UserStatusEvent event = Json.read("""
                {"user":{"userName":"kram","tenantName":"Default","userState":"Online"}}
                """.getBytes(StandardCharsets.UTF_8), UserStatusEvent.class);

        String json = new String(Json.write(Notification.of(7, 1000, event.body())), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"version\":1,\"sequenceNum\":7,\"creationTimestamp\":1000,"
                + "\"userStatusNotification\":{\"user\":{\"userName\":\"kram\",\"userState\":\"Online\",\"tenantName\":\"Default\"}}}");
    }

    @Test
    void unicodePassesThroughIntact() {
        String name = "Zoë Ærøskøbing 山田 太郎 🎥";
        UserStatusEvent event = Json.read(("{\"user\":{\"userName\":\"z\",\"displayName\":\"" + name
                + "\",\"tenantName\":\"Tenant-ü\",\"userState\":\"Online\"}}").getBytes(StandardCharsets.UTF_8), UserStatusEvent.class);

        Notification back = Json.read(Json.write(Notification.of(1, 1, event.body())), Notification.class);

        assertThat(back.userStatusNotification().user().displayName()).isEqualTo(name);
        assertThat(back.tenant()).isEqualTo("Tenant-ü");
    }

    static List<String> fieldPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            paths.add(prefix + name);
            collect(node.get(name), prefix + name + ".", paths);
        }
    }
}
