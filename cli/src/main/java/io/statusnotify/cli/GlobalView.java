package io.statusnotify.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.tenants.ConfigSnapshot;

/**
 * The Super Admin switch as the ops commands show it: {@code allowTenantConfig} null when no record exists (the
 * apps' default decides); an unusable record reads as deny, as the apps read it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record GlobalView(Boolean allowTenantConfig, boolean recordExists, boolean recordUnusable) {

    static GlobalView of(GlobalSettings settings) {
        return settings == null ? new GlobalView(null, false, false) : new GlobalView(settings.allowTenantConfig(), true, false);
    }

    static GlobalView of(ConfigSnapshot snapshot) {
        if (snapshot.global() == null && snapshot.unusable(GlobalSettings.KEY) != null) {
            return new GlobalView(false, true, true);
        }
        return of(snapshot.global());
    }

    String describe() {
        if (recordUnusable) {
            return "global switch: deny (its record cannot be used, and the apps read that as deny; write a new one with global allow|deny)";
        }
        if (!recordExists) {
            return "global switch: no record (the apps' SNS_ALLOW_TENANT_CONFIG_DEFAULT decides, default allow)";
        }
        return allowTenantConfig
                ? "global switch: allow (enabled tenants get notifications)"
                : "global switch: deny (no tenant gets anything)";
    }
}
