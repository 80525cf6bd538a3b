package io.statusnotify.admin.access;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user of the console and the admin ports, without the password hash (which stays in {@link WebConfig}).
 *
 * @param tenants the tenants a {@link Role#TENANT_ADMIN} administers; empty for the other roles
 */
public record WebUser(String name, Role role, Set<String> tenants) {
    public WebUser {
        tenants = Collections.unmodifiableSortedSet(new TreeSet<>(tenants));
        if (role == Role.TENANT_ADMIN && tenants.isEmpty()) {
            throw new IllegalArgumentException(name + ": a tenant-admin needs at least one tenant");
        }
        if (role != Role.TENANT_ADMIN && !tenants.isEmpty()) {
            throw new IllegalArgumentException(name + ": only a tenant-admin has tenants (this one is " + role.fileName() + ")");
        }
    }

    public boolean maySee(String tenant) {
        return role != Role.TENANT_ADMIN || tenants.contains(tenant);
    }

    /** Every tenant at once, as {@code /metrics} shows them (tagged by tenant): not for a tenant-admin. */
    public boolean maySeeAllTenants() {
        return role != Role.TENANT_ADMIN;
    }

    public boolean mayChange(String tenant) {
        return role == Role.SUPER_ADMIN || (role == Role.TENANT_ADMIN && tenants.contains(tenant));
    }

    /** The Super Admin switch ({@code __global__}) and anything else not tied to one tenant. */
    public boolean mayChangeGlobal() {
        return role == Role.SUPER_ADMIN;
    }
}
