package io.statusnotify.tenants;

import java.util.Set;

/**
 * What a change of one tenant sets ({@code tenant put} of the CLI, a form of the console): null fields keep the
 * tenant's current value, {@code removed} names the record fields to drop. Secrets ({@code password},
 * {@code clientKey}, {@code signingSecret}) are clear text here and sealed by {@link TenantRecordBuilder}.
 * {@link #toString()} never shows a secret.
 */
public record TenantChange(String serverUrl, String username, String password, Boolean enabled, Integer maxInFlight,
                           Double maxRequestsPerSecond, String caCertificates, String clientCertificate, String clientKey,
                           String signingSecret, Set<String> removed) {

    public TenantChange {
        removed = removed == null ? Set.of() : Set.copyOf(removed);
    }

    /** Only {@code enabled}. */
    public static TenantChange enabledOnly(boolean enabled) {
        return new TenantChange(null, null, null, enabled, null, null, null, null, null, null, Set.of());
    }

    public boolean removes(String recordField) {
        return removed.contains(recordField);
    }

    /** Whether a secret is given in clear, to be sealed (or stored in clear when asked). */
    public boolean givesSecret() {
        return password != null || clientKey != null || signingSecret != null;
    }

    @Override
    public String toString() {
        return "TenantChange[serverUrl=" + serverUrl + ", username=" + username + ", password=" + shown(password)
                + ", enabled=" + enabled + ", maxInFlight=" + maxInFlight + ", maxRequestsPerSecond=" + maxRequestsPerSecond
                + ", caCertificates=" + (caCertificates == null ? "unchanged" : "PEM")
                + ", clientCertificate=" + (clientCertificate == null ? "unchanged" : "PEM")
                + ", clientKey=" + shown(clientKey) + ", signingSecret=" + shown(signingSecret) + ", removed=" + removed + "]";
    }

    private static String shown(String secret) {
        return secret == null ? "unchanged" : "***";
    }
}
