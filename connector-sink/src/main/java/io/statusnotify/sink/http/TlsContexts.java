package io.statusnotify.sink.http;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.tls.Pem;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the TLS contexts: the shared one trusts the system CAs plus {@code SNS_TLS_CA_BUNDLE}; a tenant with its own
 * {@code caCertificates} trusts only those; a tenant with a {@code clientCertificate} presents it (mTLS). Host names
 * are verified by the HTTP client, always. Errors name the field, never the key.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext shared(List<X509Certificate> extraCas) {
        try {
            return context(systemAnd(extraCas), null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    /** A tenant's own context (its secrets opened); throws {@link IllegalArgumentException} naming the bad field. */
    public static SSLContext forTenant(TenantConfig config, List<X509Certificate> extraCas) {
        List<X509Certificate> trusted = config.caCertificates() == null
                ? systemAnd(extraCas) : certificates(config.caCertificates(), "caCertificates");
        List<X509Certificate> chain = config.clientCertificate() == null
                ? null : certificates(config.clientCertificate(), "clientCertificate");
        PrivateKey key = chain == null ? null : privateKey(Secret.clearText(config.clientKey()));
        try {
            return context(trusted, chain, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("clientKey: does not fit clientCertificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Certificates from PEM text; {@code field} names the source in errors. */
    public static List<X509Certificate> certificates(String pem, String field) {
        return Pem.certificates(pem, field);
    }

    private static PrivateKey privateKey(String pem) {
        return Pem.privateKey(pem, "clientKey");
    }

    private static List<X509Certificate> systemAnd(List<X509Certificate> extraCas) {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            List<X509Certificate> all = new ArrayList<>();
            for (var manager : system.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) all.addAll(List.of(x509.getAcceptedIssuers()));
            }
            all.addAll(extraCas);
            return all;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the system CAs: " + e.getMessage(), e);
        }
    }

    private static SSLContext context(List<X509Certificate> trusted, List<X509Certificate> chain, PrivateKey key)
            throws GeneralSecurityException {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            for (int i = 0; i < trusted.size(); i++) trustStore.setCertificateEntry("ca-" + i, trusted.get(i));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            KeyManagerFactory keys = null;
            if (chain != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(Pem.keyStore("client", key, chain), new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("in-memory key store: " + e.getMessage(), e);
        }
    }
}
