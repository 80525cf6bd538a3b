package io.statusnotify.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.Json;
import io.statusnotify.testing.RecordingReceiver.Received;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a received notification with the seed's example message (golden/seed-notification.json): the same
 * field paths, the same JSON node types at every path, and the same values except the three the pipeline sets.
 */
final class SeedNotification {
    static final Set<String> SET_BY_PIPELINE = Set.of("sequenceNum", "creationTimestamp", "queueTimestamp");

    private SeedNotification() {
    }

    static void assertMatchesSeed(String body) {
        Map<String, JsonNode> expected = paths(read(Events.resource("/golden/seed-notification.json")));
        Map<String, JsonNode> actual = paths(read(body));

        assertThat(actual.keySet()).as("field paths of the notification").isEqualTo(expected.keySet());
        expected.forEach((path, node) -> {
            assertThat(actual.get(path).getNodeType()).as("JSON type of %s", path).isEqualTo(node.getNodeType());
            if (!SET_BY_PIPELINE.contains(path) && !node.isContainerNode()) {
                assertThat(actual.get(path).toString()).as("value of %s", path).isEqualTo(node.toString());
            }
        });
    }

    /** Checks without ever printing the header or the password, even when it fails. */
    static void assertBasicAuth(Received request, String username, String password) {
        String header = request.header("Authorization");
        assertThat(header).as("Authorization header present").isNotNull();
        assertThat(header.startsWith("Basic ")).as("Authorization uses the Basic scheme").isTrue();
        String decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length()).trim()),
                StandardCharsets.UTF_8);
        assertThat(decoded.equals(username + ":" + password))
                .as("Authorization decodes to the tenant's configured username:password").isTrue();
    }

    static void assertJsonContentType(Received request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every node by its dotted path (objects included, so nesting counts), e.g. {@code userStatusNotification.user.memberID}. */
    static Map<String, JsonNode> paths(JsonNode root) {
        Map<String, JsonNode> paths = new TreeMap<>();
        collect("", root, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNode> paths) {
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            paths.put(path, field.getValue());
            if (field.getValue().isObject()) collect(path, field.getValue(), paths);
        });
    }
}
