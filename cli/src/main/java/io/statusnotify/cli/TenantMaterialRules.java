package io.statusnotify.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The shape checks of a tenant's TLS material and signing secret, before they are written: the sink checks them
 * again (and fully) when the record arrives, but a typo is cheaper to hear about here. Messages never quote a value.
 */
final class TenantMaterialRules {
    static final String PRIVATE_KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    static final String SIGNING_PREFIX = "whsec_";
    static final int MIN_SIGNING_BYTES = 16;

    private TenantMaterialRules() {
    }

    static List<String> check(TenantChange change) {
        List<String> problems = new ArrayList<>();
        if (change.caCertificates() != null) certificates(change.caCertificates(), "--ca-file", problems);
        if (change.clientCertificate() != null) certificates(change.clientCertificate(), "--client-cert-file", problems);
        if (change.clientKey() != null && !change.clientKey().contains(PRIVATE_KEY_BEGIN)) {
            problems.add("--client-key-file: must be an unencrypted PKCS#8 PEM key (" + PRIVATE_KEY_BEGIN + ")");
        }
        if (change.signingSecret() != null) signingSecret(change.signingSecret(), problems);
        return problems;
    }

    private static void certificates(String pem, String option, List<String> problems) {
        try {
            if (CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                problems.add(option + ": no PEM certificate in it");
            }
        } catch (GeneralSecurityException e) {
            problems.add(option + ": not PEM certificates (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void signingSecret(String secret, List<String> problems) {
        String rule = "--signing-secret-file: must be " + SIGNING_PREFIX + " followed by base64 of at least "
                + MIN_SIGNING_BYTES + " bytes";
        if (!secret.startsWith(SIGNING_PREFIX)) {
            problems.add(rule);
            return;
        }
        try {
            if (Base64.getDecoder().decode(secret.substring(SIGNING_PREFIX.length())).length < MIN_SIGNING_BYTES) {
                problems.add(rule);
            }
        } catch (IllegalArgumentException e) {
            problems.add(rule);
        }
    }
}
