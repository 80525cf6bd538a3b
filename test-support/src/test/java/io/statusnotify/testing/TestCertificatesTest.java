package io.statusnotify.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The certificates that the TLS tests rely on are what they say: issued by the CA, for the SAN, in the window asked. */
class TestCertificatesTest {
    @TempDir
    static Path dir;
    private static TestCertificates ca;

    @BeforeAll
    static void makeCa() {
        ca = TestCertificates.createCa(dir, "test");
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anIssuedCertificateIsSignedByTheCaForItsSubjectAlternativeNames() throws Exception {
        X509Certificate caCertificate = certificate(ca.caPem());
        TestCertificates.Issued issued = ca.issue("receiver", "dns:localhost,ip:127.0.0.1");

        X509Certificate leaf = certificate(issued.certificatePem());

        leaf.verify(caCertificate.getPublicKey());
        leaf.checkValidity();
        assertThat(caCertificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=receiver");
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(caCertificate.getSubjectX500Principal());
        assertThat(leaf.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    }

    @Test
    void thePrivateKeyPemIsThePkcs8KeyOfTheCertificate() throws Exception {
        TestCertificates.Issued issued = ca.issue("client", "dns:client.example");
        String base64 = issued.privateKeyPem().replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");

        var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        var signature = java.security.Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(certificate(issued.certificatePem()).getPublicKey());
        signature.update(new byte[] {1, 2, 3});

        assertThat(signature.verify(signed)).isTrue();
    }

    @Test
    void aStartTenDaysAgoValidForTwoDaysHasExpired() throws Exception {
        X509Certificate expired = certificate(ca.issue("expired", "ip:127.0.0.1", "-10d", 2).certificatePem());

        assertThat(Duration.between(expired.getNotBefore().toInstant(), expired.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(2));
        assertThat(expired.getNotBefore().toInstant()).isBefore(Instant.now().minus(Duration.ofDays(9)));
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void aStartDateThatIsNotARelativeOffsetIsRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> ca.issue("x", "dns:x", "2020/01/01", 2))
                .withMessageContaining("2020/01/01");
    }
}
