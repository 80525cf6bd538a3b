package io.statusnotify.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing and checks of the ops commands that need no broker: each bad input exits 2 with one line naming it. */
class OpsCommandLineTest {
    private static final String SECRET = "pa55-Wörd-s3cret";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand(), environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int run(String... args) {
        // A port nobody listens on: checks must fail before any Kafka client is made.
        return run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), args);
    }

    @Test
    void everyOpsCommandHasHelpWithExamplesAndExitCodes() {
        String[][] commands = {{"tenant"}, {"tenant", "put"}, {"tenant", "get"}, {"tenant", "list"}, {"tenant", "enable"},
                {"tenant", "disable"}, {"tenant", "delete"}, {"tenant", "test"}, {"tenant", "rekey"}, {"keys", "generate"}, {"global"}, {"events"}, {"events", "send"}, {"tail"},
                {"dlq"}, {"dlq", "list"}, {"dlq", "replay"}};
        for (String[] command : commands) {
            StringWriter help = new StringWriter();
            CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand());
            commandLine.setOut(new PrintWriter(help, true));
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);

            assertThat(commandLine.execute(args)).as(String.join(" ", command)).isZero();
            assertThat(help.toString()).as(String.join(" ", command))
                    .contains("Examples:", "statusnotify " + command[0], "Exit codes:", "0", "1", "2");
        }
    }

    @Test
    void putHelpSaysFieldsNotGivenAreKept() {
        assertThat(run("tenant", "put", "--help")).isZero();

        assertThat(out.toString()).contains("fields not given keep their current value", "--password-file",
                "--password-stdin", "--bootstrap-server", "--command-config", "--output");
    }

    @Test
    void relativeUrlIsRefusedNamingTheOptionAndTheRule() {
        int code = run("tenant", "put", "acme", "--url", "/sns");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1)
                .contains("--url: must be an absolute http or https URL (got a relative one)");
    }

    @Test
    void aUrlWithAFragmentIsRefusedAsEveryReaderRefusesIt() {
        int code = run("tenant", "put", "acme", "--url", "https://notify.example.com/sns#" + SECRET);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--url: must not have a fragment (#...)").doesNotContain(SECRET);
    }

    @Test
    void aSigningSecretFileOfTheWrongFormIsRefusedBeforeKafkaIsAsked(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("whsec"), SECRET + "\n");

        int code = run("tenant", "put", "acme", "--url", "https://notify.example.com/sns", "--signing-secret-file", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--signing-secret-file: must be whsec_ followed by base64 of at least 16 bytes")
                .doesNotContain(SECRET);
    }

    @Test
    void urlWithCredentialsIsRefusedWithoutEchoingThem() {
        int code = run("tenant", "put", "acme", "--url", "https://portal:" + SECRET + "@notify.example.com/sns");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--url: must not contain credentials").doesNotContain(SECRET);
    }

    @Test
    void crlfInTheUserNameIsRefused() {
        int code = run("tenant", "put", "acme", "--url", "https://notify.example.com/sns", "--username", "portal\r\nX-Evil: 1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--username: must not contain control characters").doesNotContain("X-Evil");
    }

    @Test
    void tenPasswordMegabytesAreRefusedWithAClearErrorAndNotEchoed(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("password");
        Files.write(huge, "x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));

        int code = run("tenant", "put", "acme", "--url", "https://notify.example.com/sns", "--username", "portal",
                "--password-file", huge.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1)
                .contains("--password-file: the password must be at most 1024 characters").doesNotContain("xxxx");
    }

    @Test
    void passwordWithAControlCharacterIsRefusedWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), SECRET + "\u0000tail\n");

        int code = run("tenant", "put", "acme", "--url", "https://notify.example.com/sns", "--password-file", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("password: must not contain control characters").doesNotContain(SECRET);
    }

    @Test
    void passwordFileAndStdinTogetherAreRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), SECRET);

        int code = run("tenant", "put", "acme", "--password-file", file.toString(), "--password-stdin");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void tenantNameWithASlashIsRefused() {
        int code = run("tenant", "get", "acme/eu");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("NAME: must not contain '/'");
    }

    @Test
    void theGlobalKeyIsNotATenantName() {
        assertThat(run("tenant", "delete", "__global__")).isEqualTo(2);
        assertThat(err.toString()).contains("reserved for the global switch");
    }

    @Test
    void nonPositiveLimitsAreRefusedNamingTheOption() {
        assertThat(run("tenant", "put", "acme", "--max-in-flight", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-in-flight: must be between 1 and 10000, was 0");

        assertThat(run("tenant", "put", "acme", "--max-requests-per-second", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-requests-per-second: must be above 0");
    }

    @Test
    void withoutBootstrapServersTheErrorNamesBothWays() {
        int code = run(Map.of(), "tenant", "list");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--bootstrap-server", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void badTopicSettingIsAUsageErrorNamingTheVariable() {
        int code = run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "SNS_TOPIC_TENANT_CONFIG", "bad topic"), "tenant", "list");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("SNS_TOPIC_TENANT_CONFIG");
    }

    @Test
    void unreachableBrokerIsOnePlainLineAfterTheTimeout() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int code = run("tenant", "list", "--bootstrap-server", "127.0.0.1:" + port, "--timeout", "2s");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).hasLineCount(1)
                .contains("no answer from Kafka at 127.0.0.1:" + port + " within 2 s").doesNotContain("Exception");
    }

    @Test
    void badSinceIsRefusedNamingTheOption() {
        assertThat(run("dlq", "list", "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since: must be a duration back from now");
    }

    @Test
    void badOutputFormatIsRefusedNamingTheOption() {
        assertThat(run("tenant", "list", "--output", "yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--output");
    }

    @Test
    void missingEventsFileIsAUsageError(@TempDir Path dir) {
        assertThat(run("events", "send", "--file", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--file: no such file");
    }

    @Test
    void aMistypedOptionIsOneLineNamingItNotTheWholeHelp() {
        assertThat(run("tenant", "put", "acme", "--url", "http://a.example/x", "--max-in-flight", "abc")).isEqualTo(2);

        assertThat(err.toString()).hasLineCount(1).startsWith("statusnotify tenant put: ")
                .contains("--max-in-flight").contains("statusnotify tenant put --help");
    }

    @Test
    void anUnresolvableBootstrapServerIsNamedAsSuch() {
        assertThat(run("tenant", "list", "--bootstrap-server", "nosuchhost.invalid:9092", "--timeout", "2s")).isEqualTo(2);

        assertThat(err.toString()).hasLineCount(1)
                .startsWith("statusnotify tenant list: --bootstrap-server: no usable host:port in 'nosuchhost.invalid:9092'")
                .doesNotContain("--command-config");
    }
}
