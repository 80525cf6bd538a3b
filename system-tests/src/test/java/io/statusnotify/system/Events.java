package io.statusnotify.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statusnotify.schema.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Portal events in input form: the seed example itself, and variations of it for other users and tenants. */
final class Events {
    static final String SEED_KEY = "Default/2727";
    static final String SEED_TENANT = "Default";
    /** The {@code eventTimestamp} in golden/seed-event.json. */
    static final long SEED_EVENT_TIMESTAMP = 1764079200000L;

    private Events() {
    }

    /** golden/seed-event.json: the seed's example body plus eventTimestamp, pretty-printed as a person would write it. */
    static String seedEvent() {
        return resource("/golden/seed-event.json");
    }

    /** golden/seed-event.oneline.json: the seed's example body on one line, without eventTimestamp. */
    static String seedEventOneLine() {
        return resource("/golden/seed-event.oneline.json").strip();
    }

    static String key(String tenant, String memberId) {
        return tenant + "/" + memberId;
    }

    /** The seed event, but for user {@code memberId} of {@code tenant}, in state {@code userState}. */
    static String statusOf(String tenant, String memberId, String userState) {
        try {
            ObjectNode event = (ObjectNode) Json.mapper().readTree(seedEvent());
            ObjectNode user = (ObjectNode) event.get("user");
            user.put("tenantName", tenant);
            user.put("memberID", memberId);
            user.put("userName", "user" + memberId);
            user.put("userState", userState);
            ((ObjectNode) event.get("conference")).put("tenantName", tenant);
            event.put("eventTimestamp", System.currentTimeMillis());
            return Json.mapper().writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Events.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("test resource missing: " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
