package io.statusnotify.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer sees on the console from {@code statusnotify up}: its own process with the shipped logback.xml
 * (not the tests' one), stdout and stderr read apart from the log file under the data directory.
 */
class UpConsoleIT {
    /** A log line as logback.xml's console pattern writes it, at INFO. */
    private static final Pattern CONSOLE_INFO = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ", Pattern.MULTILINE);
    private static final Pattern NOTIFICATION = Pattern.compile("tenant=demo .* auth=ok");
    private static final Path SHIPPED_LOGBACK = Path.of("target", "classes", "logback.xml").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) process.destroyForcibly();
    }

    @Test
    void givenUpWhenTheDemoRunsThenTheConsoleShowsTheBannerAndNotificationsAndTheLogFileTheInfoLines() throws Exception {
        Path data = dir.resolve("data");
        Path logFile = data.resolve("logs").resolve("up.log");

        runUntilNotifiedAndStopped(data);

        String stdout = Files.readString(dir.resolve("stdout"));
        String stderr = Files.readString(dir.resolve("stderr"));
        assertThat(stdout).contains("statusnotify is up", "  log              " + logFile,
                "only warnings and errors, all with --verbose", "Stopped.");
        assertThat(NOTIFICATION.matcher(stdout).results().count()).as("notification lines").isGreaterThanOrEqualTo(2);
        assertThat(CONSOLE_INFO.matcher(stdout + stderr).find()).as("an INFO line on the console:%n%s%s", stdout, stderr)
                .isFalse();
        assertThat(Files.readString(logFile)).as("the log file")
                .contains(" INFO ", "Kafka broker ready on", "Starting sink", "Counted the keys waiting on",
                        "-> RUNNING", "Stopping sink");
    }

    @Test
    void givenVerboseWhenTheDemoRunsThenTheConsoleShowsTheInfoLinesToo() throws Exception {
        Path data = dir.resolve("data");

        runUntilNotifiedAndStopped(data, "--verbose");

        String stderr = Files.readString(dir.resolve("stderr"));
        assertThat(CONSOLE_INFO.matcher(stderr).find()).as("INFO lines on the console:%n%s", stderr).isTrue();
        assertThat(stderr).contains("Starting sink", "Counted the keys waiting on");
        assertThat(Files.readString(dir.resolve("stdout"))).contains("every line also shown here: --verbose");
        assertThat(Files.readString(data.resolve("logs").resolve("up.log"))).contains("Starting sink");
    }

    /** Starts up, waits for two notifications and the sink's INFO lines in the log file, then SIGTERM. */
    private void runUntilNotifiedAndStopped(Path data, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + SHIPPED_LOGBACK, "-cp", System.getProperty("java.class.path"),
                StatusnotifyCommand.class.getName(), "up", "--kafka-port", Integer.toString(Ports.free()),
                "--receiver-port", Integer.toString(Ports.free()), "--admin-port", "0", "--console-port", "0", "--rate", "10",
                "--data-dir", data.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("SNS_"));
        process = builder.start();
        process.getOutputStream().close();

        await("two demo notifications").atMost(START_TIMEOUT).until(() -> {
            if (!process.isAlive()) throw new AssertionError("up exited with " + process.exitValue() + ":\n" + output());
            return NOTIFICATION.matcher(Files.readString(dir.resolve("stdout"))).results().count() >= 2;
        });
        Path logFile = data.resolve("logs").resolve("up.log");
        await("the sink's INFO lines in the log file").atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(logFile).contains("Counted the keys waiting on"));
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("up stopped; output:%n%s", output()).isTrue();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("stdout")) + Files.readString(dir.resolve("stderr"));
    }
}
