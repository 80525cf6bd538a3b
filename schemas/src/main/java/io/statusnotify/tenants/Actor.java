package io.statusnotify.tenants;

import io.statusnotify.schema.AuditRecord;

/** Who makes a config change, and through what: the audit record's {@code actor} and {@code via}. */
public record Actor(String name, String via) {
    public Actor {
        if (name == null || name.isBlank() || name.length() > AuditRecord.MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("actor: must be 1-" + AuditRecord.MAX_ACTOR_LENGTH + " characters, not blank");
        }
        if (!AuditRecord.VIAS.contains(via)) throw new IllegalArgumentException("via: must be one of " + AuditRecord.VIAS);
    }

    /** The OS user running this process ({@code user.name}), through the CLI. */
    public static Actor cli() {
        String user = System.getProperty("user.name");
        return new Actor(user == null || user.isBlank() ? "unknown" : user, AuditRecord.CLI);
    }

    /** A user logged in to the console. */
    public static Actor console(String user) {
        return new Actor(user, AuditRecord.CONSOLE);
    }
}
