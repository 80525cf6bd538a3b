package io.statusnotify.cli;

import io.statusnotify.settings.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code statusnotify} command. Exit codes: 0 done, 2 bad usage or settings (one line naming the option or
 * variable), 1 a runtime failure, 3 not found (ops commands: an unknown tenant).
 */
@Command(name = "statusnotify", mixinStandardHelpOptions = true, version = "statusnotify 0.1.0",
        description = "Status notifications from portal events on Kafka to each tenant's HTTP server.",
        subcommands = {UpCommand.class, StreamsCommand.class, SinkCommand.class, DemoReceiverCommand.class,
                TenantCommand.class, GlobalCommand.class, EventsCommand.class, TailCommand.class, DlqCommand.class,
                KeysCommand.class, ConsoleCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = OpsHelp.EXIT_CODES_HEADING,
        exitCodeList = {OpsHelp.OK, OpsHelp.FAILED, OpsHelp.USAGE, OpsHelp.NOT_FOUND},
        footerHeading = "%nExamples:%n",
        footer = {"  ./statusnotify up                  everything here, with demo traffic",
                "  ./statusnotify up --no-demo        broker and apps; your events, your receiver",
                "  ./statusnotify up --help           all options of up",
                "  KAFKA_BOOTSTRAP_SERVERS=kafka:9092 ./statusnotify streams",
                "  ./statusnotify tenant put acme --url https://notify.acme.example/sns --bootstrap-server kafka:9092",
                "  ./statusnotify tail --tenant acme"})
public final class StatusnotifyCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(new StatusnotifyCommand()).execute(args));
    }

    /** A command line for {@code command} (the root or a subcommand alone) with this CLI's exit-code rules. */
    static CommandLine commandLine(Object command) {
        return commandLine(command, System.getenv());
    }

    /** The same, with the ops commands reading {@code environment} (topic names, bootstrap servers) instead of the process's. */
    static CommandLine commandLine(Object command, Map<String, String> environment) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == OpsOptions.class ? (K) new OpsOptions(environment) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(command, factory).setUsageHelpWidth(100);
        // A mistake on the command line is one line (and where to look), not the whole help text.
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e)
                    + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof OpsFailure failure) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
                return failure.exitCode();
            }
            if (e instanceof SettingsException) {
                cmd.getErr().println("statusnotify: bad setting: " + e.getMessage());
                return USAGE;
            }
            cmd.getErr().println("statusnotify: " + cmd.getCommandName() + " failed: " + oneLine(e));
            return FAILED;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
