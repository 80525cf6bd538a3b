package io.statusnotify.sink.config;

import io.statusnotify.schema.TenantConfig;

/** Where a tenant's notification goes right now: to its server, nowhere (and why, as a metric tag), or on hold. */
public sealed interface Route {
    String UNKNOWN_TENANT = "unknown-tenant";
    String TENANT_DISABLED = "tenant-disabled";
    String GLOBAL_SWITCH_OFF = "global-switch-off";
    String INVALID_TENANT_CONFIG = "invalid-tenant-config";

    record Send(TenantConfig target) implements Route {
    }

    record Drop(String reason) implements Route {
    }

    /**
     * An enabled tenant whose config cannot be used as it is (a secret that does not open, clear text not allowed,
     * bad TLS material): nothing is sent and nothing is lost; its notifications wait, like after an auth failure,
     * until its config record changes. {@code cause} names the field and key id, never a secret.
     */
    record Unusable(String cause) implements Route {
    }
}
