package io.statusnotify.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test CA and the certificates it issues, made in-process with Bouncy Castle's certificate builder (a keytool child
 * JVM per step cost about a second each on a loaded machine) and kept in PKCS12 key stores in a directory of the test:
 * server certificates with a SAN, expired ones, wrong-host ones, client certificates (with their PKCS#8 PEM key for
 * mTLS). The certificates are what keytool made before: EC P-256 keys signed with SHA256withECDSA, a CA with critical
 * basic constraints, leaves with a subject alternative name and key identifiers, the chain leaf then CA.
 */
public final class TestCertificates {
    private static final String PASSWORD = "changeit";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** keytool's relative {@code -startdate}: one or more {@code [+-]N} with a unit, e.g. {@code -10d}. */
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d+)([ymdHMS])");
    private final Path dir;
    private final String name;
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    /** A certificate and its key, as a PKCS12 key store and as PEM. */
    public record Issued(Path keyStore, String certificatePem, String privateKeyPem) {
        /** A server (or client) context presenting this certificate, trusting {@code clientCas} (may be null). */
        public SSLContext context(TestCertificates clientCas) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStore)) {
                    store.load(in, PASSWORD.toCharArray());
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), clientCas == null ? null : clientCas.trustManagers(), null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "Issued[" + keyStore.getFileName() + "]";
        }
    }

    private TestCertificates(Path dir, String name, KeyPair caKeys, X509Certificate caCertificate) {
        this.dir = dir;
        this.name = name;
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new CA named {@code name}, valid for 30 days from now, its issued key stores in {@code dir}. */
    public static TestCertificates createCa(Path dir, String name) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = new X500Name("CN=" + name + " CA");
            Instant now = Instant.now();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new TestCertificates(dir, name, keys, sign(builder, keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String caPem() {
        return pem("CERTIFICATE", encoded(caCertificate));
    }

    /** A valid certificate for {@code san} (e.g. {@code dns:localhost,ip:127.0.0.1}). */
    public Issued issue(String commonName, String san) {
        return issue(commonName, san, null, 30);
    }

    /** {@code startDate} as keytool reads it ({@code -10d}: ten days ago), or null for now. */
    public Issued issue(String commonName, String san, String startDate, int validityDays) {
        try {
            KeyPair keys = newKeyPair();
            Instant start = startDate == null ? Instant.now() : Instant.now().plus(offset(startDate));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(), Date.from(start),
                    Date.from(start.plus(validityDays, ChronoUnit.DAYS)), new X500Name("CN=" + commonName), keys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(san))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
            X509Certificate certificate = sign(builder, caKeys);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("leaf", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate, caCertificate});
            Path file = dir.resolve(name + "-" + commonName + "-" + System.nanoTime() + ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return new Issued(file, pem("CERTIFICATE", encoded(certificate)), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE)
                    .build(issuer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** keytool's {@code -ext san=} value: comma-separated {@code dns:NAME} and {@code ip:ADDRESS}. */
    private static GeneralNames subjectAlternativeNames(String san) {
        return new GeneralNames(Arrays.stream(san.split(",")).map(entry -> {
            String[] typeAndValue = entry.split(":", 2);
            return switch (typeAndValue[0].toLowerCase()) {
                case "dns" -> new GeneralName(GeneralName.dNSName, typeAndValue[1]);
                case "ip" -> new GeneralName(GeneralName.iPAddress, typeAndValue[1]);
                default -> throw new IllegalArgumentException("san: only dns: and ip: entries, not " + entry);
            };
        }).toArray(GeneralName[]::new));
    }

    private static Duration offset(String startDate) {
        Matcher part = OFFSET.matcher(startDate);
        Duration offset = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(2)) * ("-".equals(part.group(1)) ? -1 : 1);
            offset = offset.plus(switch (part.group(3)) {
                case "y" -> Duration.ofDays(365 * amount);
                case "m" -> Duration.ofDays(30 * amount);
                case "d" -> Duration.ofDays(amount);
                case "H" -> Duration.ofHours(amount);
                case "M" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = part.end();
        }
        if (end == 0 || end != startDate.length()) {
            throw new IllegalArgumentException("startDate: a relative offset such as -10d, not " + startDate);
        }
        return offset;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private javax.net.ssl.TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCertificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory.getTrustManagers();
    }
}
