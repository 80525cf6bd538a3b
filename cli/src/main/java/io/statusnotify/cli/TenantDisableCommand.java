package io.statusnotify.cli;

import picocli.CommandLine.Command;

@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Disables tenant NAME (its other fields are kept): the streams app builds nothing more for it " +
                "and the sink drops its queued and parked notifications instead of sending them.",
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES, footer = "  statusnotify tenant disable acme")
final class TenantDisableCommand extends TenantSwitch {
    @Override
    boolean enabled() {
        return false;
    }
}
