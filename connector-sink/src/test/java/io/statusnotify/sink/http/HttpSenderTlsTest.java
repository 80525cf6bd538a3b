package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS against real JDK HTTPS servers with certificates made in the test (TestCertificates). */
class HttpSenderTlsTest {
    private static final byte[] BODY = "{\"sequenceNum\":7}".getBytes(StandardCharsets.UTF_8);
    private static final String LOCAL_SAN = "dns:localhost,ip:127.0.0.1";
    @TempDir
    static Path dir;
    private static TestCertificates ca;
    private static TestCertificates otherCa;
    private static TestCertificates.Issued server;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() {
        ca = TestCertificates.createCa(dir, "portal");
        otherCa = TestCertificates.createCa(dir, "other");
        server = ca.issue("receiver", LOCAL_SAN);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) closeable.close();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private HttpSender sender(List<X509Certificate> extraCas) {
        return open(new HttpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), 10, DestinationPolicy.defaults(), extraCas));
    }

    private RecordingReceiver https(TestCertificates.Issued certificate) {
        return open(RecordingReceiver.startHttps(certificate.context(null), false));
    }

    private static AttemptResult post(HttpSender sender, TenantConfig target) {
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        sender.post(target, BODY, result::complete);
        return result.orTimeout(15, TimeUnit.SECONDS).join();
    }

    private static TenantConfig tenant(String url) {
        return new TenantConfig(true, url, "u", "p");
    }

    private static TenantConfig withTls(String url, String caPem, TestCertificates.Issued client) {
        return new TenantConfig(true, url, "u", Secret.clear("p"), null, null, caPem,
                client == null ? null : client.certificatePem(), client == null ? null : Secret.clear(client.privateKeyPem()), null);
    }

    private static void assertRefusedByTls(AttemptResult result) {
        assertThat(result).isInstanceOfSatisfying(AttemptResult.Failure.class,
                failure -> assertThat(failure.error()).isInstanceOf(SSLException.class));
        assertThat(ResponsePolicy.classify(result, Instant.now())).isInstanceOf(Verdict.Retry.class)
                .extracting(v -> ((Verdict.Retry) v).cause()).isEqualTo("tls");
    }

    @Test
    void aServerCertifiedByTheCaBundleIsTrusted() {
        RecordingReceiver receiver = https(server);

        AttemptResult result = post(sender(TlsContexts.certificates(ca.caPem(), "test")), tenant(receiver.url("/hook")));

        assertThat(result).isEqualTo(new AttemptResult.Response(204, "No Content", null));
        assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("{\"sequenceNum\":7}"));
    }

    @Test
    void aServerOfAnUnknownCaIsRefused() {
        RecordingReceiver receiver = https(server);

        assertRefusedByTls(post(sender(List.of()), tenant(receiver.url("/hook"))));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenFromATrustedCa() {
        RecordingReceiver receiver = https(ca.issue("elsewhere", "dns:elsewhere.example"));

        assertRefusedByTls(post(sender(TlsContexts.certificates(ca.caPem(), "test")), tenant(receiver.url("/hook"))));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void anExpiredCertificateIsRefused() {
        RecordingReceiver receiver = https(ca.issue("expired", LOCAL_SAN, "-10d", 2));

        assertRefusedByTls(post(sender(TlsContexts.certificates(ca.caPem(), "test")), tenant(receiver.url("/hook"))));
    }

    @Test
    void aTenantsOwnCaCertificatesAreTheOnlyOnesItsServerIsTrustedThrough() {
        RecordingReceiver receiver = https(server);
        HttpSender sender = sender(TlsContexts.certificates(ca.caPem(), "test"));

        assertThat(post(sender, withTls(receiver.url("/own"), ca.caPem(), null)))
                .isEqualTo(new AttemptResult.Response(204, "No Content", null));
        // The shared bundle would trust this server; the tenant's own CA does not.
        assertRefusedByTls(post(sender, withTls(receiver.url("/other"), otherCa.caPem(), null)));
        assertThat(receiver.requests()).extracting(RecordingReceiver.Received::path).containsExactly("/own");
    }

    @Test
    void aServerRequiringAClientCertificateGetsTheTenantsOne() {
        RecordingReceiver receiver = open(RecordingReceiver.startHttps(server.context(ca), true));
        HttpSender sender = sender(List.of());

        AttemptResult without = post(sender, withTls(receiver.url("/without"), ca.caPem(), null));
        AttemptResult with = post(sender, withTls(receiver.url("/with"), ca.caPem(), ca.issue("tenant-acme", "dns:acme.example")));

        assertThat(without).isInstanceOf(AttemptResult.Failure.class);
        assertThat(with).isEqualTo(new AttemptResult.Response(204, "No Content", null));
        assertThat(receiver.requests()).extracting(RecordingReceiver.Received::path).containsExactly("/with");
    }
}
