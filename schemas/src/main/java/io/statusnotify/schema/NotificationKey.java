package io.statusnotify.schema;

/** The record key of a notification: {@code tenant/memberID}, so one user's notifications share a partition. */
public final class NotificationKey {
    private NotificationKey() {
    }

    public static String of(User user) {
        return of(user.tenantName(), user.memberID(), user.userName());
    }

    /** The same from the user's fields, for readers that do not bind a {@link User}. */
    public static String of(String tenantName, String memberID, String userName) {
        String member = memberID == null || memberID.isBlank() ? userName : memberID;
        return tenantName + "/" + member;
    }

    /** The tenant part of a key made by {@link #of(User)}; null when the key has no separator. */
    public static String tenantOf(String key) {
        if (key == null) return null;
        int slash = key.indexOf('/');
        return slash < 0 ? null : key.substring(0, slash);
    }
}
