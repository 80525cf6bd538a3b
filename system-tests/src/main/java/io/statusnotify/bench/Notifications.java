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
    private final Map<String, String[]> templates = new HashMap<>();

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
        String[] t = templates.computeIfAbsent(tenant, this::template);
        return (t[0] + sequenceNum + t[1] + createdMs + t[2] + memberId + t[3]).getBytes(StandardCharsets.UTF_8);
    }

    /** The tenant's notification split around the three values that change: {@code [.., seq, .., created, .., member, ..]}. */
    private String[] template(String tenant) {
        UserStatus body = seed.userStatusNotification();
        User u = body.user();
        User user = new User(u.userName(), u.displayName(), MEMBER_MARK, u.userState(), tenant, u.accessType(),
                u.extension());
        UserStatus withUser = new UserStatus(user, body.room(), body.conference(), body.endpoint(),
                body.endpointDetails(), body.gateway(), body.contextAwareLinking());
        String json = new String(Json.write(Notification.of(SEQUENCE_MARK, CREATED_MARK, withUser)),
                StandardCharsets.UTF_8);
        String[] bySequence = split(json, String.valueOf(SEQUENCE_MARK));
        String[] byCreated = split(bySequence[1], String.valueOf(CREATED_MARK));
        String[] byMember = split(byCreated[1], MEMBER_MARK);
        return new String[]{bySequence[0], byCreated[0], byMember[0], byMember[1]};
    }

    private static String[] split(String text, String mark) {
        int at = text.indexOf(mark);
        if (at < 0 || text.indexOf(mark, at + 1) >= 0) {
            throw new IllegalStateException("the notification template must hold " + mark + " exactly once");
        }
        return new String[]{text.substring(0, at), text.substring(at + mark.length())};
    }
}
