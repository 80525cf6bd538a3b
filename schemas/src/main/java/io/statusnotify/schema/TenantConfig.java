package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.statusnotify.secrets.Secret;


/**
 * A tenant's record on {@code sns.tenant-config} (key: tenant name): the seed's Tenant Admin settings, plus the
 * optional TLS material ({@code caCertificates}, {@code clientCertificate}, {@code clientKey}) and Standard Webhooks
 * {@code signingSecret}. Secrets are clear text or sealed ({@link Secret}). {@link #toString()} never shows a secret.
 */
@JsonPropertyOrder({"enabled", "serverUrl", "username", "password", "maxInFlight", "maxRequestsPerSecond",
        "caCertificates", "clientCertificate", "clientKey", "signingSecret"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantConfig(
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("serverUrl") String serverUrl,
        @JsonProperty("username") String username,
        @JsonProperty("password") Secret password,
        @JsonProperty("maxInFlight") Integer maxInFlight,
        @JsonProperty("maxRequestsPerSecond") Double maxRequestsPerSecond,
        @JsonProperty("caCertificates") String caCertificates,
        @JsonProperty("clientCertificate") String clientCertificate,
        @JsonProperty("clientKey") Secret clientKey,
        @JsonProperty("signingSecret") Secret signingSecret) {

    /** The field names of the secrets, as bound into their sealed form. */
    public static final String PASSWORD = "password";
    public static final String CLIENT_KEY = "clientKey";
    public static final String SIGNING_SECRET = "signingSecret";
    public static final java.util.List<String> SECRET_FIELDS = java.util.List.of(PASSWORD, CLIENT_KEY, SIGNING_SECRET);

    public static final int MAX_IN_FLIGHT_LIMIT = 10_000;
    public static final double MAX_REQUESTS_PER_SECOND_LIMIT = 1_000_000;

    /** A tenant without its own limits (the sink's defaults apply). */
    public TenantConfig(boolean enabled, String serverUrl, String username, String password) {
        this(enabled, serverUrl, username, password, null, null);
    }

    /** A tenant with a clear-text password and no TLS material or signing secret. */
    public TenantConfig(boolean enabled, String serverUrl, String username, String password, Integer maxInFlight,
                        Double maxRequestsPerSecond) {
        this(enabled, serverUrl, username, Secret.clear(password), maxInFlight, maxRequestsPerSecond, null, null, null,
                null);
    }

    /** The same config with other secrets (sealed ones opened, or clear ones sealed). */
    public TenantConfig withSecrets(Secret password, Secret clientKey, Secret signingSecret) {
        return new TenantConfig(enabled, serverUrl, username, password, maxInFlight, maxRequestsPerSecond,
                caCertificates, clientCertificate, clientKey, signingSecret);
    }

    /** Whether the tenant brings its own TLS material (CAs or a client certificate). */
    public boolean hasOwnTls() {
        return caCertificates != null || clientCertificate != null || clientKey != null;
    }

    /** Throws {@link TenantConfigException} naming every rule of {@link TenantConfigRules} it breaks. */
    public TenantConfig requireValid() {
        return TenantConfigRules.require(null, this);
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        return "TenantConfig[enabled=" + enabled + ", serverUrl=" + SafeText.url(serverUrl) + ", username=" + username
                + ", password=" + shown(password)
                + (maxInFlight == null ? "" : ", maxInFlight=" + maxInFlight)
                + (maxRequestsPerSecond == null ? "" : ", maxRequestsPerSecond=" + maxRequestsPerSecond)
                + (caCertificates == null ? "" : ", caCertificates=PEM")
                + (clientCertificate == null ? "" : ", clientCertificate=PEM, clientKey=" + shown(clientKey))
                + (signingSecret == null ? "" : ", signingSecret=" + shown(signingSecret)) + "]";
    }

    private static String shown(Secret secret) {
        if (secret == null) return "none";
        return secret instanceof Secret.Sealed sealed ? "sealed(" + sealed.keyId() + ")" : "***";
    }
}
