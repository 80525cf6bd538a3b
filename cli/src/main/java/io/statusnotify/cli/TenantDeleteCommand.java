package io.statusnotify.cli;

import io.statusnotify.tenants.ConfigSnapshot;
import picocli.CommandLine.Command;

import java.util.Map;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes tenant NAME: writes a tombstone (null value) that compaction keeps until the record " +
                "is gone. The apps forget the tenant at once; its queued notifications are dropped. " +
                "A tenant whose record cannot be used can be deleted too.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES, footer = "  statusnotify tenant delete acme")
final class TenantDeleteCommand extends OneTenantCommand {
    @Override
    int run(ConfigStore store) {
        ConfigSnapshot snapshot = store.read();
        if (!snapshot.tenants().containsKey(tenant) && snapshot.unusable(tenant) == null) {
            throw OpsFailure.notFound("no tenant '" + tenant + "' on " + store.topic());
        }
        try (ConfigChanges changes = new ConfigChanges(ops.clients(), ops.topics())) {
            changes.deleteTenant(tenant, snapshot.tenants().get(tenant));
        }
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), Map.of("deleted", true, "tenant", tenant));
        } else {
            spec.commandLine().getOut().println("Tenant '" + tenant + "' deleted (tombstone written to " + store.topic() + ").");
        }
        return StatusnotifyCommand.OK;
    }
}
