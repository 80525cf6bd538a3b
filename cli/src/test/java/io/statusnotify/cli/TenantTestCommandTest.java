package io.statusnotify.cli;

import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tenant test --url ...} against real HTTP and HTTPS servers (no Kafka needed without a saved config). */
class TenantTestCommandTest {
    @TempDir
    static Path dir;
    private static TestCertificates ca;
    private static Path caBundle;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<RecordingReceiver> receivers = new ArrayList<>();

    @BeforeAll
    static void makeCa() throws IOException {
        ca = TestCertificates.createCa(dir, "cli");
        caBundle = Files.writeString(dir.resolve("bundle.pem"), ca.caPem());
    }

    @AfterEach
    void closeReceivers() {
        receivers.forEach(RecordingReceiver::close);
    }

    private RecordingReceiver receiver(RecordingReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    private int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("SNS_TLS_CA_BUNDLE", caBundle.toString());
        env.put("SNS_HTTP_CONNECT_TIMEOUT", "2s");
        env.put("SNS_HTTP_RESPONSE_TIMEOUT", "2s");
        CommandLine commandLine = StatusnotifyCommand.commandLine(new StatusnotifyCommand(), env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "tenant";
        all[1] = "test";
        System.arraycopy(args, 0, all, 2, args.length);
        return commandLine.execute(all);
    }

    private static Path passwordFile(String password) throws IOException {
        return Files.writeString(dir.resolve("pw-" + System.nanoTime()), password + "\n");
    }

    @Test
    void aServerAnswering204PassesWithExitZeroAndGetsTheCredentials() throws IOException {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());

        int code = run("acme", "--url", receiver.url("/sns"), "--username", "portal", "--password-file",
                passwordFile("s3cret-pw").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).matches("PASSED acme: HTTP 204 No Content in \\d+ ms: passed\\R");
        assertThat(receiver.requests().get(0).header("authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("portal:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(out.toString() + err).doesNotContain("s3cret-pw");
    }

    @Test
    void aServerAnswering401FailsWithExitOne() throws IOException {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());
        receiver.respondWith(401);

        int code = run("acme", "--url", receiver.url("/sns"), "--username", "portal", "--password-file",
                passwordFile("wr0ng-pw").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILED acme: HTTP 401 Unauthorized in ").contains("refused the credentials")
                .doesNotContain("wr0ng-pw");
    }

    @Test
    void aRefusedPortFailsSayingSo() {
        int port = Ports.free();

        assertThat(run("--url", "http://127.0.0.1:" + port + "/sns")).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILED connection-test: connection refused: nothing accepts connections at 127.0.0.1:" + port);
    }

    @Test
    void aWrongHostCertificateFailsSayingSo() {
        RecordingReceiver receiver = receiver(RecordingReceiver.startHttps(
                ca.issue("wrong", "dns:elsewhere.example").context(null), false));

        assertThat(run("acme", "--url", receiver.url("/sns"))).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILED acme: TLS: the server's certificate is not for 127.0.0.1");
    }

    @Test
    void anExpiredCertificateFailsSayingSo() {
        RecordingReceiver receiver = receiver(RecordingReceiver.startHttps(
                ca.issue("expired", "ip:127.0.0.1", "-10d", 2).context(null), false));

        assertThat(run("acme", "--url", receiver.url("/sns"))).isEqualTo(1);
        assertThat(out.toString()).startsWith("FAILED acme: TLS: the server's certificate has expired or is not yet valid");
    }

    @Test
    void anHttpsServerOfTheBundlesCaPasses() {
        RecordingReceiver receiver = receiver(RecordingReceiver.startHttps(ca.issue("ok", "ip:127.0.0.1").context(null), false));

        assertThat(run("acme", "--url", receiver.url("/sns"))).isZero();
    }

    @Test
    void saveOnSuccessOfAPasswordWithoutAKeyIsRefusedBeforeSendingAnything() throws IOException {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());

        int code = run("acme", "--url", receiver.url("/sns"), "--username", "portal", "--password-file",
                passwordFile("never-sent-pw").toString(), "--save-on-success", "--bootstrap-server", "localhost:1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--save-on-success: no key to seal secrets with", "--cleartext-password");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aSavedConfigNeedsATenantName() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("NAME: required without --url");
    }

    @Test
    void jsonOutputSaysPassedStatusTimeAndOutcomeInWords() throws IOException {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());

        int code = run("acme", "--url", receiver.url("/sns"), "--output", "json");

        assertThat(code).isZero();
        com.fasterxml.jackson.databind.JsonNode json = io.statusnotify.schema.Json.mapper().readTree(out.toString());
        assertThat(json.path("tenant").asText()).isEqualTo("acme");
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("status").asInt()).isEqualTo(204);
        assertThat(json.path("timeMs").isIntegralNumber()).isTrue();
        assertThat(json.path("outcome").asText()).startsWith("HTTP 204 No Content in ");
        assertThat(json.path("saved").asBoolean()).isFalse();
    }

    @Test
    void aRefusedPortIsFailedWithExitOneAndPassedFalseInJson() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int code = run("acme", "--url", "http://127.0.0.1:" + port + "/sns", "--output", "json");

        assertThat(code).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode json = io.statusnotify.schema.Json.mapper().readTree(out.toString());
        assertThat(json.path("passed").asBoolean()).isFalse();
        assertThat(json.path("status").isNull()).isTrue();
        assertThat(json.path("outcome").asText()).contains("refused");
    }
}
