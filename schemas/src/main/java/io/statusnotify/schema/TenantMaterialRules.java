package io.statusnotify.schema;

import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Rule;
import io.statusnotify.schema.TenantConfigRules.Violation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a tenant's TLS material and signing secret (part of {@link TenantConfigRules}). Whether a client key
 * parses and fits its certificate is the sink's to find out when it builds the TLS context. Texts never quote a value.
 */
public final class TenantMaterialRules {
    /** Large enough for a CA bundle of a few hundred certificates. */
    public static final int MAX_PEM_LENGTH = 512 * 1024;
    /** An RSA-16384 PKCS#8 key is about 12.5 KiB of PEM; every usual key is far smaller. */
    public static final int MAX_CLIENT_KEY_LENGTH = 16 * 1024;
    /** The standard's secrets are 24 to 64 bytes ({@code whsec_} + under 100 characters). */
    public static final int MAX_SIGNING_SECRET_LENGTH = 4 * 1024;
    public static final int MIN_SIGNING_SECRET_BYTES = 16;
    public static final String PRIVATE_KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    public static final String PRIVATE_KEY_END = "-----END PRIVATE KEY-----";
    public static final String SIGNING_PREFIX = "whsec_";
    /** Printable ASCII and line breaks: what PEM is made of (and what makes its length its size in bytes). */
    public static final String PEM_PATTERN = "^[\\u0020-\\u007E\\r\\n\\t]*$";
    private static final java.util.regex.Pattern PEM_TEXT = java.util.regex.Pattern.compile(PEM_PATTERN);
    public static final String SIGNING_SECRET_PATTERN = "^whsec_[A-Za-z0-9+/]+={0,2}$";

    private TenantMaterialRules() {
    }

    static List<Violation> check(TenantConfig config) {
        List<Violation> violations = new ArrayList<>();
        caCertificates(config.caCertificates()).ifPresent(violations::add);
        clientCertificate(config.clientCertificate()).ifPresent(violations::add);
        SecretRules.check(Field.CLIENT_KEY, config.clientKey(), TenantMaterialRules::clientKey).ifPresent(violations::add);
        if ((config.clientCertificate() == null) != (config.clientKey() == null)) {
            violations.add(new Violation(Field.CLIENT_CERTIFICATE, Rule.PAIR,
                    "clientCertificate and clientKey go together (mTLS): set both or neither"));
        }
        SecretRules.check(Field.SIGNING_SECRET, config.signingSecret(), TenantMaterialRules::signingSecret)
                .ifPresent(violations::add);
        return violations;
    }

    public static Optional<Violation> caCertificates(String pem) {
        return certificates(Field.CA_CERTIFICATES, pem);
    }

    public static Optional<Violation> clientCertificate(String pem) {
        return certificates(Field.CLIENT_CERTIFICATE, pem);
    }

    /** A clear-text client key. */
    public static Optional<Violation> clientKey(String pem) {
        if (pem == null) return Optional.empty();
        if (TenantConfigRules.length(pem) > MAX_CLIENT_KEY_LENGTH) {
            return TenantConfigRules.tooLong(Field.CLIENT_KEY, MAX_CLIENT_KEY_LENGTH, pem);
        }
        int begin = pem.indexOf(PRIVATE_KEY_BEGIN);
        if (begin < 0 || pem.indexOf(PRIVATE_KEY_END, begin) < 0 || !isPemText(pem)) {
            return TenantConfigRules.broken(Field.CLIENT_KEY, Rule.FORM,
                    "must be an unencrypted PKCS#8 PEM key (" + PRIVATE_KEY_BEGIN + ")");
        }
        return Optional.empty();
    }

    /** A clear-text Standard Webhooks secret. */
    public static Optional<Violation> signingSecret(String secret) {
        if (secret == null) return Optional.empty();
        if (TenantConfigRules.length(secret) > MAX_SIGNING_SECRET_LENGTH) {
            return TenantConfigRules.tooLong(Field.SIGNING_SECRET, MAX_SIGNING_SECRET_LENGTH, secret);
        }
        Optional<Violation> form = TenantConfigRules.broken(Field.SIGNING_SECRET, Rule.FORM,
                "must be " + SIGNING_PREFIX + " followed by base64 of at least " + MIN_SIGNING_SECRET_BYTES + " bytes");
        if (!secret.matches(SIGNING_SECRET_PATTERN)) return form;
        try {
            return Base64.getDecoder().decode(secret.substring(SIGNING_PREFIX.length())).length < MIN_SIGNING_SECRET_BYTES
                    ? form : Optional.empty();
        } catch (IllegalArgumentException e) {
            return form;
        }
    }

    private static Optional<Violation> certificates(Field field, String pem) {
        if (pem == null) return Optional.empty();
        if (TenantConfigRules.length(pem) > MAX_PEM_LENGTH) return TenantConfigRules.tooLong(field, MAX_PEM_LENGTH, pem);
        if (!isPemText(pem)) return TenantConfigRules.broken(field, Rule.FORM, "must be PEM text (ASCII)");
        try {
            if (CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                return TenantConfigRules.broken(field, Rule.FORM, "no PEM certificate in it");
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return TenantConfigRules.broken(field, Rule.FORM, "not PEM certificates (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isPemText(String pem) {
        return PEM_TEXT.matcher(pem).matches();
    }
}
