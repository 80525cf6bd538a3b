package io.statusnotify.cli;

import io.statusnotify.schema.Notification;
import io.statusnotify.schema.User;
import io.statusnotify.schema.UserStatus;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The one line the demo receiver prints per request: time, tenant, user, states, sequence number, auth. */
final class NotificationLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private NotificationLine() {
    }

    /** {@code authOk} null: the receiver checks no credentials. */
    static String of(Notification notification, Boolean authOk) {
        UserStatus body = notification.userStatusNotification();
        User user = body == null ? null : body.user();
        String callState = body == null || body.conference() == null ? "-" : body.conference().callState();
        return String.format("%s  tenant=%-8s user=%-8s %-15s call=%-15s seq=%d  %s",
                LocalTime.now().format(TIME),
                user == null ? "?" : user.tenantName(),
                user == null ? "?" : user.userName(),
                user == null ? "?" : user.userState(),
                callState,
                notification.sequenceNum(),
                auth(authOk));
    }

    static String unreadable(String reason, Boolean authOk) {
        return LocalTime.now().format(TIME) + "  not a notification (" + reason + ")  " + auth(authOk);
    }

    private static String auth(Boolean authOk) {
        if (authOk == null) return "auth=not checked";
        return authOk ? "auth=ok" : "auth=REJECTED (401)";
    }
}
