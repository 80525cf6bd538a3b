package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tenant enable} and {@code tenant disable}: the current record with only {@code enabled} changed. */
abstract class TenantSwitch implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Parameters(index = "0", paramLabel = "NAME", description = "The tenant.")
    String tenant;

    abstract boolean enabled();

    @Override
    public Integer call() {
        TenantRecordWriter.requireName(tenant);
        ConfigStore store = new ConfigStore(ops.clients(), ops.topics().tenantConfig());
        TenantConfig config = TenantRecordWriter.withEnabled(tenant, store.require(tenant), enabled());
        store.writeTenant(tenant, config);
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), Map.of("saved", true, "tenant", tenant, "enabled", enabled()));
        } else {
            spec.commandLine().getOut().println("Tenant '" + tenant + "' " + (enabled() ? "enabled" : "disabled") + ": saved.");
        }
        return StatusnotifyCommand.OK;
    }
}
