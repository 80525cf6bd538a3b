package io.statusnotify.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes tenant NAME: writes a tombstone (null value) that compaction keeps until the record " +
                "is gone. The apps forget the tenant at once; its queued notifications are dropped. " +
                "A tenant whose record cannot be used can be deleted too.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES, footer = "  statusnotify tenant delete acme")
final class TenantDeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Parameters(index = "0", paramLabel = "NAME", description = "The tenant.")
    String tenant;

    @Override
    public Integer call() {
        TenantRecordWriter.requireName(tenant);
        ConfigStore store = new ConfigStore(ops.clients(), ops.topics().tenantConfig());
        ConfigStore.Snapshot snapshot = store.read();
        if (!snapshot.tenants().containsKey(tenant) && snapshot.unusable(tenant) == null) {
            throw OpsFailure.notFound("no tenant '" + tenant + "' on " + store.topic());
        }
        store.delete(tenant);
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), Map.of("deleted", true, "tenant", tenant));
        } else {
            spec.commandLine().getOut().println("Tenant '" + tenant + "' deleted (tombstone written to " + store.topic() + ").");
        }
        return StatusnotifyCommand.OK;
    }
}
