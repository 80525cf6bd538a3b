package io.statusnotify.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tenant get}: one tenant's current config, without its password. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows tenant NAME's current config (the config topic read to its end). " +
                "The password is never shown, only whether one is set (password: set | not set).",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant get acme",
                "  statusnotify tenant get acme --output json | jq .serverUrl"})
final class TenantGetCommand implements Callable<Integer> {
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
        TenantView view = TenantView.of(tenant, store.require(tenant));
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), view);
        } else {
            view.printDetails(spec.commandLine().getOut());
        }
        return StatusnotifyCommand.OK;
    }
}
