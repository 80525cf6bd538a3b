package io.statusnotify.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void upHelpExitsZeroAndShowsExamples() {
        int code = run("up", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Examples:", "./statusnotify up --no-demo", "--kafka-port",
                "--receiver-port", "--rate", "--data-dir");
    }

    @Test
    void upsDataDirDefaultsToStatusnotifyDataDirOrDotStatusnotify() {
        // ./statusnotify exports STATUSNOTIFY_DATA_DIR (the repo's .statusnotify); without it, the current directory's.
        String expected = System.getenv().getOrDefault("STATUSNOTIFY_DATA_DIR", ".statusnotify");
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs();

        assertThat(up.dataDir).isEqualTo(Path.of(expected));
        assertThat(run("up", "--help")).isZero();
        assertThat(out.toString()).contains("(default: " + expected + ")").doesNotContain("${env:");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[]{"streams", "sink", "demo-receiver", "console users add"}) {
            StringWriter help = new StringWriter();
            CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand());
            commandLine.setOut(new PrintWriter(help, true));

            assertThat(commandLine.execute((command + " --help").split(" "))).isZero();
            assertThat(help.toString()).as(command).contains("Example", "statusnotify " + command);
        }
    }

    @Test
    void unknownOptionExitsTwoNamingIt() {
        int code = run("up", "--kafka-prot", "9092");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-prot");
    }

    @Test
    void nonNumericPortExitsTwoNamingTheOption() {
        int code = run("up", "--kafka-port", "ninety");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-port");
    }

    @Test
    void outOfRangeValuesExitTwoNamingTheOption() {
        assertThat(run("up", "--kafka-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-port: must be a port between 1 and 65535");

        assertThat(run("up", "--rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate: must be more than 0");
    }

    @Test
    void receiverWithUsernameButNoPasswordFileExitsTwo() {
        int code = run("demo-receiver", "--username", "demo");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--username needs --password-file");
    }

    @Test
    void receiverWithAnEmptyPasswordFileExitsTwoSayingSo(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("receiver_password"));

        int code = run("demo-receiver", "--port", Integer.toString(Ports.free()), "--username", "demo",
                "--password-file", empty.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("statusnotify demo-receiver: --password-file: " + empty + " is empty");
    }

    @Test
    void noCommandShowsUsageAndExitsTwo() {
        int code = run();

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: statusnotify", "up", "streams", "sink", "demo-receiver");
    }
}
