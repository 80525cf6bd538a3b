package io.statusnotify.sink.config;

import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import io.statusnotify.sink.http.DestinationPolicy;
import io.statusnotify.sink.http.TlsContexts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * @param secretKeys           {@code SNS_SECRET_KEYS} / {@code SNS_SECRET_KEYS_FILE} / {@code SNS_SECRET_KEY_ID}
 * @param allowCleartextSecrets {@code SNS_ALLOW_CLEARTEXT_PASSWORDS} (default false): clear-text secrets accepted
 * @param destinations         {@code SNS_DESTINATION_DENY} / {@code SNS_DESTINATION_ALLOW}
 * @param extraCas             {@code SNS_TLS_CA_BUNDLE}: PEM CAs trusted besides the system's, for every tenant
 *                             without {@code caCertificates} of its own
 */
public record SecuritySettings(SecretKeys secretKeys, boolean allowCleartextSecrets, DestinationPolicy destinations,
                               List<X509Certificate> extraCas) {
    static final String CA_BUNDLE = "SNS_TLS_CA_BUNDLE";

    public static SecuritySettings from(Settings s) {
        return new SecuritySettings(SecretKeys.from(s), s.bool(TenantSecrets.ALLOW_CLEARTEXT, false),
                DestinationPolicy.from(s), caBundle(s.string(CA_BUNDLE, null)));
    }

    private static List<X509Certificate> caBundle(String file) {
        if (file == null) return List.of();
        try {
            return TlsContexts.certificates(Files.readString(Path.of(file), StandardCharsets.US_ASCII), CA_BUNDLE);
        } catch (IOException e) {
            throw new SettingsException(CA_BUNDLE + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage() + " (" + file + ")");
        }
    }

    @Override
    public String toString() {
        return "SecuritySettings[secretKeys=" + secretKeys + ", allowCleartextSecrets=" + allowCleartextSecrets
                + ", destinations=" + destinations + ", extraCas=" + extraCas.size() + "]";
    }
}
