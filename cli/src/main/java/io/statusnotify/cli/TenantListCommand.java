package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.tenants.ConfigSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tenant list}: every tenant, the global switch, and the records that cannot be used. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every tenant (never a password), the global switch, and, on standard error, each record " +
                "that cannot be used (written by another tool: not JSON, a bad URL, ...) with its key and why. " +
                "The apps give such a tenant nothing until a valid record replaces it.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant list",
                "  statusnotify tenant list --output json | jq -r '.tenants[].tenant'"})
final class TenantListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Override
    public Integer call() {
        ConfigSnapshot snapshot = new ConfigStore(ops.clients(), ops.topics().tenantConfig()).read();
        List<TenantView> tenants = snapshot.tenants().entrySet().stream()
                .map(entry -> TenantView.of(entry.getKey(), entry.getValue())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (ops.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tenants", tenants);
            result.put("global", GlobalView.of(snapshot));
            result.put("skipped", snapshot.unusable().stream()
                    .map(invalid -> Map.of("key", String.valueOf(invalid.key()), "reason", invalid.reason())).toList());
            OpsOptions.printJson(out, result);
            return StatusnotifyCommand.OK;
        }
        TenantView.printTable(out, tenants);
        out.println(Words.count(tenants.size(), "tenant") + "; " + GlobalView.of(snapshot).describe());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (ConfigEntry.Invalid invalid : snapshot.unusable()) {
            err.println("skipped the record of key '" + invalid.key() + "': " + invalid.reason()
                    + " (the apps ignore it; replace it with tenant put or delete it)");
        }
        err.flush();
        return StatusnotifyCommand.OK;
    }
}
