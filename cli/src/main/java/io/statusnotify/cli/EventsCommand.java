package io.statusnotify.cli;

import picocli.CommandLine.Command;

/** {@code statusnotify events ...}: portal events, as the portal would produce them. */
@Command(name = "events", mixinStandardHelpOptions = true,
        header = "Sends portal events from a file of JSON lines.",
        description = "Portal user-status events (SNS_TOPIC_USER_STATUS), e.g. to replay recorded portal traffic.",
        subcommands = EventsSendCommand.class,
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify events send --file recorded.jsonl", "  cat recorded.jsonl | statusnotify events send --file -"})
final class EventsCommand extends CommandGroup {
}
