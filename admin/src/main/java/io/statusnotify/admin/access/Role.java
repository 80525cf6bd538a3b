package io.statusnotify.admin.access;

import java.util.Arrays;
import java.util.Optional;

/** What a user of the console and the admin ports may do; the names are those written in the users file. */
public enum Role {
    /** Everything: the {@code __global__} switch and every tenant. */
    SUPER_ADMIN("super-admin"),
    /** Sees and changes only the tenants named for them. */
    TENANT_ADMIN("tenant-admin"),
    /** Sees every tenant, changes nothing (and starts no connection test). */
    VIEWER("viewer");

    private final String fileName;

    Role(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.fileName.equals(name)).findFirst();
    }

    /** The names as the file spells them, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Role::fileName).toList());
    }
}
