package io.statusnotify.tenants;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules;

import java.time.Instant;
import java.util.List;

/**
 * One write to the config topic and its audit record, as {@link ConfigWriter} writes them in one transaction:
 * {@code key} and {@code value} (null: a tombstone) for {@code sns.tenant-config}, {@code audit} for {@code sns.audit}.
 * Made by the factories, which work out the changed fields from the records before and after.
 */
public record ConfigChange(String key, byte[] value, AuditRecord audit) {
    private static final List<String> TENANT_ACTIONS =
            List.of(AuditRecord.PUT, AuditRecord.ENABLE, AuditRecord.DISABLE, AuditRecord.REKEY);

    /**
     * {@code tenant}'s record becomes {@code after} (valid by {@link TenantConfigRules}, secrets sealed as they are to
     * be stored); {@code before}: its record until now, null when it had none (or none that could be used).
     * {@code action}: {@link AuditRecord#PUT}, {@link AuditRecord#ENABLE}, {@link AuditRecord#DISABLE} or
     * {@link AuditRecord#REKEY}.
     */
    public static ConfigChange tenant(Actor actor, String action, String tenant, TenantConfig before, TenantConfig after,
                                      Instant at) {
        if (!TENANT_ACTIONS.contains(action)) throw new IllegalArgumentException("action: must be one of " + TENANT_ACTIONS);
        TenantConfigRules.require(tenant, after);
        return new ConfigChange(tenant, Json.write(after),
                audit(actor, at, tenant, action, ChangedFields.between(before, after)));
    }

    /** A tombstone for {@code tenant}; {@code before}: its record until now (null when it could not be used). */
    public static ConfigChange tenantDeleted(Actor actor, String tenant, TenantConfig before, Instant at) {
        TenantConfigRules.tenantName(tenant).ifPresent(violation -> {
            throw new IllegalArgumentException("tenant: " + violation.text());
        });
        return new ConfigChange(tenant, null, audit(actor, at, tenant, AuditRecord.DELETE, ChangedFields.between(before, null)));
    }

    /** The {@value GlobalSettings#KEY} record becomes {@code after}; {@code before}: null when there was none. */
    public static ConfigChange global(Actor actor, GlobalSettings before, GlobalSettings after, Instant at) {
        return new ConfigChange(GlobalSettings.KEY, Json.write(after),
                audit(actor, at, GlobalSettings.KEY, AuditRecord.GLOBAL_SET, ChangedFields.between(before, after)));
    }

    private static AuditRecord audit(Actor actor, Instant at, String key, String action, List<String> changed) {
        return AuditRecord.of(at, actor.name(), actor.via(), key, action, changed);
    }

    @Override
    public String toString() {
        // The value can hold clear-text secrets: never shown.
        return "ConfigChange[key=" + key + ", " + (value == null ? "tombstone" : "record") + ", audit=" + audit + "]";
    }
}
