package io.statusnotify.cli;

import picocli.CommandLine.Command;

/** {@code statusnotify dlq ...}: the notifications the sink could not deliver. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        header = "Lists and replays dead-lettered notifications.",
        description = "Dead-lettered notifications (SNS_TOPIC_NOTIFICATIONS_DLQ): list them, and send them back to delivery " +
                "once the cause is fixed. Malformed portal events (SNS_TOPIC_USER_STATUS_DLQ) never became notifications: " +
                "they are not replayed; fix the producer and send them again (statusnotify events send).",
        subcommands = {DlqListCommand.class, DlqReplayCommand.class},
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify dlq list --since 1d", "  statusnotify dlq replay --tenant acme --since 2h --dry-run"})
final class DlqCommand extends CommandGroup {
}
