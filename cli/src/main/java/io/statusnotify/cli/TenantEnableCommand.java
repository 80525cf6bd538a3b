package io.statusnotify.cli;

import picocli.CommandLine.Command;

@Command(name = "enable", mixinStandardHelpOptions = true,
        description = "Enables tenant NAME (its other fields are kept): it gets notifications again.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES, footer = "  statusnotify tenant enable acme")
final class TenantEnableCommand extends TenantSwitch {
    @Override
    boolean enabled() {
        return true;
    }
}
