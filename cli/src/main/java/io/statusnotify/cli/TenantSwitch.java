package io.statusnotify.cli;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.TenantConfig;

import java.util.Map;

/** {@code tenant enable} and {@code tenant disable}: the current record with only {@code enabled} changed. */
abstract class TenantSwitch extends OneTenantCommand {

    abstract boolean enabled();

    @Override
    int run(ConfigStore store) {
        TenantConfig current = store.require(tenant);
        TenantConfig config = TenantRecords.withEnabled(tenant, current, enabled());
        try (ConfigChanges changes = new ConfigChanges(ops.clients(), ops.topics())) {
            changes.putTenant(enabled() ? AuditRecord.ENABLE : AuditRecord.DISABLE, tenant, current, config);
        }
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), Map.of("saved", true, "tenant", tenant, "enabled", enabled()));
        } else {
            spec.commandLine().getOut().println("Tenant '" + tenant + "' " + (enabled() ? "enabled" : "disabled") + ": saved.");
        }
        return StatusnotifyCommand.OK;
    }
}
