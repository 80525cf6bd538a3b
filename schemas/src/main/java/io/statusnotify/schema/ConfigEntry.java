package io.statusnotify.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

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

    /** Parses a non-null value; never throws. An {@link Invalid} reason never holds the record's secrets. */
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
            return new Invalid(key, withoutPassword(e.getMessage(), value));
        }
    }

    /**
     * Parser messages can quote the offending input: mask the record's password if it has one, and keep only the
     * parser's verdict for input that is not JSON at all (its quoted token could be anything, a password included).
     */
    private static String withoutPassword(String reason, byte[] value) {
        if (reason == null) return "unusable";
        if (reason.startsWith("not valid JSON") || reason.startsWith("unreadable")) return "not valid JSON";
        try {
            JsonNode record = Json.mapper().readTree(value);
            String scrubbed = reason;
            for (String field : List.of(TenantConfig.PASSWORD, TenantConfig.CLIENT_KEY, TenantConfig.SIGNING_SECRET)) {
                JsonNode secret = record.path(field);
                if (secret.isValueNode()) scrubbed = SafeText.scrub(scrubbed, secret.asText());
            }
            return scrubbed;
        } catch (IOException | RuntimeException e) {
            return "not valid JSON";
        }
    }
}
