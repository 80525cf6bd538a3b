package io.statusnotify.sink.http;

import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;

import java.net.URI;

/**
 * What a tenant's (opened) config means for sending, worked out once per config: the parsed URL, the
 * {@code Authorization} header, the signer, and its own TLS material (null: the shared client serves it).
 */
record SendTarget(URI uri, String authorization, WebhookSignature signer, OwnTls tls) {

    /** A tenant's own TLS material, its key opened: the key of its own client. */
    record OwnTls(String caCertificates, String clientCertificate, String clientKey) {
        TenantConfig asConfig() {
            return new TenantConfig(true, null, null, null, null, null, caCertificates, clientCertificate,
                    Secret.clear(clientKey), null);
        }

        @Override
        public String toString() {
            return "OwnTls[***]";
        }
    }

    static SendTarget of(TenantConfig config) {
        String signing = Secret.clearText(config.signingSecret());
        return new SendTarget(URI.create(config.serverUrl()),
                config.hasCredentials() ? BasicAuth.header(config.username(), Secret.clearText(config.password())) : null,
                signing == null ? null : WebhookSignature.of(signing),
                config.hasOwnTls() ? new OwnTls(config.caCertificates(), config.clientCertificate(),
                        Secret.clearText(config.clientKey())) : null);
    }

    @Override
    public String toString() {
        return "SendTarget[" + SafeText.url(uri.toString()) + "]";
    }
}
