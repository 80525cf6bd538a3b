package io.statusnotify.cli;

import picocli.CommandLine.Command;

/** {@code tenant get}: one tenant's current config, without its password. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows tenant NAME's current config (the config topic read to its end). " +
                "No secret is ever shown: password, clientKey and signingSecret say sealed (key ID) | clear text | not set; " +
                "caCertificates and clientCertificate say set | not set.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant get acme",
                "  statusnotify tenant get acme --output json | jq .serverUrl"})
final class TenantGetCommand extends OneTenantCommand {
    @Override
    int run(ConfigStore store) {
        TenantView view = TenantView.of(tenant, store.require(tenant));
        if (ops.json()) {
            OpsOptions.printJson(spec.commandLine().getOut(), view);
        } else {
            view.printDetails(spec.commandLine().getOut());
        }
        return StatusnotifyCommand.OK;
    }
}
