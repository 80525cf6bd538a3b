package io.statusnotify.cli;

import picocli.CommandLine.Command;

/** {@code statusnotify tenant ...}: the tenants' records on the compacted config topic. */
@Command(name = "tenant", mixinStandardHelpOptions = true,
        header = "Configures tenants (put, get, list, enable, disable, delete, test, rekey).",
        description = "Configures tenants: their records on the compacted tenant-config topic (SNS_TOPIC_TENANT_CONFIG). " +
                "Writes are checked before anything is written and acknowledged by Kafka before they are reported.",
        subcommands = {TenantPutCommand.class, TenantGetCommand.class, TenantListCommand.class,
                TenantEnableCommand.class, TenantDisableCommand.class, TenantDeleteCommand.class,
                TenantTestCommand.class, TenantRekeyCommand.class},
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = OpsHelp.EXAMPLES,
        footer = {"  statusnotify tenant put acme --url https://notify.acme.example/sns --username portal \\",
                "      --password-file /run/secrets/acme --bootstrap-server kafka:9092",
                "  statusnotify tenant list",
                "  statusnotify tenant get acme --output json",
                "  statusnotify tenant disable acme",
                "  statusnotify tenant delete acme"})
final class TenantCommand extends CommandGroup {
}
