package io.statusnotify.schema;

/**
 * One record of {@code sns.tenant-config}, read by key: a tenant's config, the global switch, or a value that
 * cannot be used (kept with its reason so a bad write by another tool never stops the readers).
 */
public sealed interface ConfigEntry {

    record Tenant(String name, TenantConfig config) implements ConfigEntry {
    }

    record Global(GlobalSettings settings) implements ConfigEntry {
    }

    record Invalid(String key, String reason) implements ConfigEntry {
    }

    /** Parses a non-null value; never throws. */
    static ConfigEntry parse(String key, byte[] value) {
        try {
            if (GlobalSettings.KEY.equals(key)) {
                return new Global(Json.read(value, GlobalSettings.class));
            }
            if (key == null || key.isBlank()) {
                return new Invalid(key, "config record without a tenant name as key");
            }
            return new Tenant(key, Json.read(value, TenantConfig.class).requireValid());
        } catch (BadRecordException e) {
            return new Invalid(key, e.getMessage());
        }
    }
}
