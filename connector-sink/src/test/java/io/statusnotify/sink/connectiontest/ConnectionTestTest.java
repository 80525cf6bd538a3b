package io.statusnotify.sink.connectiontest;

import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.sink.config.SecuritySettings;

import io.statusnotify.sink.http.DestinationPolicy;
import io.statusnotify.sink.http.TlsContexts;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection test against real HTTP and HTTPS servers, in the words an operator reads. */
class ConnectionTestTest {
    private static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));
    @TempDir
    static Path dir;
    private static TestCertificates ca;
    private final List<RecordingReceiver> receivers = new ArrayList<>();

    @BeforeAll
    static void makeCa() {
        ca = TestCertificates.createCa(dir, "conn");
    }

    @AfterEach
    void closeReceivers() {
        receivers.forEach(RecordingReceiver::close);
    }

    private RecordingReceiver receiver(RecordingReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    private static SecuritySettings trustingTheTestCa() {
        return new SecuritySettings(SecretKeys.none(), false, DestinationPolicy.defaults(),
                TlsContexts.certificates(ca.caPem(), "test"));
    }

    private static ConnectionTest.Result test(String url, String password) {
        return ConnectionTest.run("acme", new TenantConfig(true, url, "ops", password), trustingTheTestCa(), HTTP);
    }

    @Test
    void aServerAnswering204PassesWithTheDocumentedTestNotification() throws Exception {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());

        ConnectionTest.Result result = test(receiver.url("/hook"), "pw-1234");

        assertThat(result.passed()).isTrue();
        assertThat(result.status()).isEqualTo(204);
        assertThat(result.message()).matches("HTTP 204 No Content in \\d+ ms: passed");
        RecordingReceiver.Received request = receiver.requests().get(0);
        assertThat(request.header(ConnectionTest.TEST_HEADER)).isEqualTo("1");
        var body = Json.mapper().readTree(request.body().getBytes(StandardCharsets.UTF_8));
        assertThat(body.path("test").asBoolean()).isTrue();
        assertThat(body.path("sequenceNum").asLong(-1)).isZero();
        assertThat(body.at("/userStatusNotification/user/userName").asText()).isEqualTo(ConnectionTest.TEST_USER);
        assertThat(body.at("/userStatusNotification/user/tenantName").asText()).isEqualTo("acme");
    }

    @Test
    void aServerAnswering401FailsSayingTheCredentialsWereRefused() {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());
        receiver.respondWith(401);

        ConnectionTest.Result result = test(receiver.url("/hook"), "wrong-pw-99");

        assertThat(result.passed()).isFalse();
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.message()).startsWith("HTTP 401 Unauthorized in ").contains("refused the credentials")
                .doesNotContain("wrong-pw-99");
    }

    @Test
    void aPortNobodyListensOnFailsSayingConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ConnectionTest.Result result = test("http://127.0.0.1:" + port + "/hook", "pw");

        assertThat(result.passed()).isFalse();
        assertThat(result.status()).isNull();
        assertThat(result.message()).startsWith("connection refused: nothing accepts connections at 127.0.0.1:" + port);
    }

    @Test
    void aCertificateForAnotherHostFailsSayingSo() {
        RecordingReceiver receiver = receiver(RecordingReceiver.startHttps(
                ca.issue("wrong-host", "dns:elsewhere.example").context(null), false));

        ConnectionTest.Result result = test(receiver.url("/hook"), "pw");

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).startsWith("TLS: the server's certificate is not for 127.0.0.1");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void anExpiredCertificateFailsSayingSo() {
        RecordingReceiver receiver = receiver(RecordingReceiver.startHttps(
                ca.issue("expired", "ip:127.0.0.1", "-10d", 2).context(null), false));

        ConnectionTest.Result result = test(receiver.url("/hook"), "pw");

        assertThat(result.message()).startsWith("TLS: the server's certificate has expired or is not yet valid");
    }

    @Test
    void aTrustedHttpsServerPasses() {
        RecordingReceiver receiver = receiver(RecordingReceiver.startHttps(ca.issue("ok", "ip:127.0.0.1").context(null), false));

        assertThat(test(receiver.url("/hook"), "pw").passed()).isTrue();
    }

    @Test
    void aRefusedDestinationIsNamedWithItsRange() {
        ConnectionTest.Result result = test("http://169.254.169.254/hook", "pw");

        assertThat(result.message()).startsWith("destination-refused: 169.254.169.254 is in denied range 169.254.0.0/16");
    }

    @Test
    void aSealedPasswordWithAnUnknownKeyIsNotSentAndSaysWhy() {
        RecordingReceiver receiver = receiver(RecordingReceiver.start());
        SecretKeys other = SecretKeys.from(io.statusnotify.settings.Settings.of(java.util.Map.of(SecretKeys.KEYS,
                "gone:" + SecretKeys.generateLine("gone").substring(5))));
        TenantConfig sealed = new TenantConfig(true, receiver.url("/hook"), "ops",
                new io.statusnotify.secrets.SecretBox(other).seal("acme", TenantConfig.PASSWORD, "pw"), null, null,
                null, null, null, null);

        ConnectionTest.Result result = ConnectionTest.run("acme", sealed, trustingTheTestCa(), HTTP);

        assertThat(result.message()).isEqualTo("not sent, the config cannot be used: password: sealed with key 'gone',"
                + " which is not configured (SNS_SECRET_KEYS / SNS_SECRET_KEYS_FILE)");
        assertThat(receiver.requests()).isEmpty();
    }
}
