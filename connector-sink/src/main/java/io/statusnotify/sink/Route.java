package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;

/** Where a tenant's notification goes right now: to its server, or nowhere (and why, as a metric tag). */
sealed interface Route {
    String UNKNOWN_TENANT = "unknown-tenant";
    String TENANT_DISABLED = "tenant-disabled";
    String GLOBAL_SWITCH_OFF = "global-switch-off";
    String INVALID_TENANT_CONFIG = "invalid-tenant-config";

    record Send(TenantConfig target) implements Route {
    }

    record Drop(String reason) implements Route {
    }
}
