package io.statusnotify.streams;

import io.statusnotify.schema.ConfigEntry;

import java.util.Optional;

/**
 * Decides whether a tenant's event may become a notification: the Super Admin switch must allow it and the
 * tenant must have a valid, enabled config.
 */
final class TenantGate {
    private final boolean allowTenantConfigByDefault;

    TenantGate(boolean allowTenantConfigByDefault) {
        this.allowTenantConfigByDefault = allowTenantConfigByDefault;
    }

    /** Empty when the event may pass; otherwise why it is dropped. Either entry may be null (no record). */
    Optional<DropReason> check(ConfigEntry tenantEntry, ConfigEntry globalEntry) {
        if (!globalSwitchAllows(globalEntry)) {
            return Optional.of(DropReason.GLOBAL_SWITCH_OFF);
        }
        if (tenantEntry instanceof ConfigEntry.Tenant tenant) {
            return tenant.config().enabled() ? Optional.empty() : Optional.of(DropReason.TENANT_DISABLED);
        }
        if (tenantEntry instanceof ConfigEntry.Invalid) {
            return Optional.of(DropReason.INVALID_TENANT_CONFIG);
        }
        // No record, or an event whose tenant is literally the reserved global key.
        return Optional.of(DropReason.UNKNOWN_TENANT);
    }

    private boolean globalSwitchAllows(ConfigEntry globalEntry) {
        if (globalEntry instanceof ConfigEntry.Global global) {
            return global.settings().allowTenantConfig();
        }
        // An unreadable switch record fails closed: whoever wrote it may have meant to switch sending off.
        return !(globalEntry instanceof ConfigEntry.Invalid) && allowTenantConfigByDefault;
    }
}
