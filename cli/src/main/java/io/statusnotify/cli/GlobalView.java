package io.statusnotify.cli;

import io.statusnotify.schema.GlobalSettings;

/** The Super Admin switch as the ops commands show it; {@code allowTenantConfig} null when no record exists. */
record GlobalView(Boolean allowTenantConfig, boolean recordExists) {

    static GlobalView of(GlobalSettings settings) {
        return settings == null ? new GlobalView(null, false) : new GlobalView(settings.allowTenantConfig(), true);
    }

    String describe() {
        if (!recordExists) {
            return "global switch: no record (the apps' SNS_ALLOW_TENANT_CONFIG_DEFAULT decides, default allow)";
        }
        return allowTenantConfig
                ? "global switch: allow (enabled tenants get notifications)"
                : "global switch: deny (no tenant gets anything)";
    }
}
