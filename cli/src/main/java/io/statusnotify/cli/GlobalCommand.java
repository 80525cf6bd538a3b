package io.statusnotify.cli;

import io.statusnotify.schema.GlobalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code statusnotify global allow|deny|get}: the Super Admin switch, the {@code __global__} record. */
@Command(name = "global", mixinStandardHelpOptions = true,
        header = "The Super Admin switch (allow, deny, get).",
        description = "The Super Admin switch (\"Allow Tenant Admin to configure Status Notification Service\"): " +
                "the " + GlobalSettings.KEY + " record on the tenant-config topic. deny stops every tenant's " +
                "notifications; allow lets enabled tenants get them.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify global deny", "  statusnotify global allow", "  statusnotify global get --output json"})
final class GlobalCommand extends CommandGroup {
    @Command(name = "allow", mixinStandardHelpOptions = true, description = "Lets enabled tenants get notifications.")
    int allow(@Mixin OpsOptions ops) {
        return write(ops, true);
    }

    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Stops every tenant's notifications.")
    int deny(@Mixin OpsOptions ops) {
        return write(ops, false);
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows the switch.")
    int get(@Mixin OpsOptions ops) {
        GlobalView view = GlobalView.of(new ConfigStore(ops.clients(), ops.topics().tenantConfig()).read());
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), view);
        } else {
            spec.commandLine().getOut().println(view.describe());
        }
        return StatusnotifyCommand.OK;
    }

    private int write(OpsOptions ops, boolean allow) {
        GlobalSettings before = new ConfigStore(ops.clients(), ops.topics().tenantConfig()).read().global();
        try (ConfigChanges changes = new ConfigChanges(ops.clients(), ops.topics())) {
            changes.setGlobal(before, new GlobalSettings(allow));
        }
        if (ops.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("saved", true);
            result.put("allowTenantConfig", allow);
            OpsOptions.printJson(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().println(GlobalView.of(new GlobalSettings(allow)).describe() + ": saved.");
        }
        return StatusnotifyCommand.OK;
    }
}
