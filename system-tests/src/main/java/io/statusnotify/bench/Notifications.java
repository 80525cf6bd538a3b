package io.statusnotify.bench;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.User;
import io.statusnotify.schema.UserStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Notification records as the streams app writes them to {@code sns.notifications}: the seed's example message
 * (about 1.3 KB) with the record's tenant, member id, a unique {@code sequenceNum} and {@code creationTimestamp} =
 * the produce time. Serialized once per tenant with markers, then filled in by concatenation (a run makes
 * millions). Not thread-safe.
 */
final class Notifications {
    private static final long SEQUENCE_MARK = 900_000_000_000_001L;
    private static final long CREATED_MARK = 800_000_000_000_002L;
    private static final String MEMBER_MARK = "BENCH-MEMBER-MARK";
    private final Notification seed;
    private final Map<String, Template> templates = new HashMap<>();

    Notifications() {
        try (InputStream in = Notifications.class.getResourceAsStream("seed-notification.json")) {
            if (in == null) throw new IllegalStateException("seed-notification.json missing from the classpath");
            this.seed = Json.read(in.readAllBytes(), Notification.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String tenant, String memberId) {
        return tenant + "/" + memberId;
    }

    byte[] value(String tenant, String memberId, long sequenceNum, long createdMs) {
        return templates.computeIfAbsent(tenant, this::template)
                .fill(Long.toString(sequenceNum), Long.toString(createdMs), memberId).getBytes(StandardCharsets.UTF_8);
    }

    /** The tenant's notification with markers for the three values that change: seq, created, member. */
    private Template template(String tenant) {
        UserStatus body = seed.userStatusNotification();
        User u = body.user();
        User user = new User(u.userName(), u.displayName(), MEMBER_MARK, u.userState(), tenant, u.accessType(),
                u.extension());
        UserStatus withUser = new UserStatus(user, body.room(), body.conference(), body.endpoint(),
                body.endpointDetails(), body.gateway(), body.contextAwareLinking());
        String json = new String(Json.write(Notification.of(SEQUENCE_MARK, CREATED_MARK, withUser)),
                StandardCharsets.UTF_8);
        return Template.of(json, String.valueOf(SEQUENCE_MARK), String.valueOf(CREATED_MARK), MEMBER_MARK);
    }
}
