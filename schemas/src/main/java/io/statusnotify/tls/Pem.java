package io.statusnotify.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM certificates and unencrypted PKCS#8 keys, as the sink's tenant TLS and the web servers' certificate files use
 * them. Errors name the source ({@code field}: a record field or a file) and never quote a key.
 */
public final class Pem {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private Pem() {
    }

    /** Certificates from PEM text; throws {@link IllegalArgumentException} naming {@code field}. */
    public static List<X509Certificate> certificates(String pem, String field) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) throw new IllegalArgumentException(field + ": no PEM certificate in it");
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(field + ": not PEM certificates (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** An RSA, EC or Ed25519 key from unencrypted PKCS#8 PEM; throws {@link IllegalArgumentException} naming {@code field}. */
    public static PrivateKey privateKey(String pem, String field) {
        int begin = pem == null ? -1 : pem.indexOf(KEY_BEGIN);
        int end = pem == null ? -1 : pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(field + ": must be an unencrypted PKCS#8 PEM key (" + KEY_BEGIN + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": the PEM body is not base64");
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException(field + ": not an RSA, EC or Ed25519 PKCS#8 key");
    }

    /** An in-memory PKCS12 store holding {@code key} with its chain under {@code alias}, with an empty password. */
    public static KeyStore keyStore(String alias, PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, new char[0], chain.toArray(new Certificate[0]));
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("in-memory key store: " + e.getMessage(), e);
        }
    }
}
