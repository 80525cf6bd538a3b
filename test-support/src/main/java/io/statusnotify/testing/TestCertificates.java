package io.statusnotify.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and the certificates it issues, made with the JDK's {@code keytool} in a directory of the test: server
 * certificates with a SAN, expired ones, wrong-host ones, client certificates (with their PKCS#8 PEM key for mTLS).
 */
public final class TestCertificates {
    private static final String PASSWORD = "changeit";
    private final Path dir;
    private final String name;
    private final String caPem;

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

    private TestCertificates(Path dir, String name, String caPem) {
        this.dir = dir;
        this.name = name;
        this.caPem = caPem;
    }

    /** A new CA named {@code name}, its files in {@code dir}. */
    public static TestCertificates createCa(Path dir, String name) {
        Path store = dir.resolve(name + "-ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name + " CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        return new TestCertificates(dir, name, keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", PASSWORD));
    }

    public String caPem() {
        return caPem;
    }

    /** A valid certificate for {@code san} (e.g. {@code dns:localhost,ip:127.0.0.1}). */
    public Issued issue(String commonName, String san) {
        return issue(commonName, san, null, 30);
    }

    /** {@code startDate} as keytool reads it ({@code -10d}: ten days ago), or null for now. */
    public Issued issue(String commonName, String san, String startDate, int validityDays) {
        Path store = dir.resolve(name + "-" + commonName + "-" + System.nanoTime() + ".p12");
        String storeArg = store.toString();
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + commonName,
                "-keystore", storeArg, "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path request = dir.resolve(store.getFileName() + ".csr");
        keytool("-certreq", "-alias", "leaf", "-keystore", storeArg, "-storepass", PASSWORD, "-file", request.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore",
                dir.resolve(name + "-ca.p12").toString(), "-storepass", PASSWORD, "-infile", request.toString(),
                "-validity", Integer.toString(validityDays), "-ext", "san=" + san));
        if (startDate != null) gencert.addAll(List.of("-startdate", startDate));
        String certificate = keytool(gencert.toArray(new String[0]));
        Path chain = dir.resolve(store.getFileName() + ".pem");
        try {
            Files.writeString(chain, caPem + certificate, StandardCharsets.US_ASCII);
            keytool("-importcert", "-noprompt", "-alias", "leaf", "-keystore", storeArg, "-storepass", PASSWORD,
                    "-file", chain.toString());
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                loaded.load(in, PASSWORD.toCharArray());
            }
            byte[] pkcs8 = loaded.getKey("leaf", PASSWORD.toCharArray()).getEncoded();
            String keyPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
            return new Issued(store, certificate, keyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private javax.net.ssl.TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory.getTrustManagers();
    }

    private static String keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
