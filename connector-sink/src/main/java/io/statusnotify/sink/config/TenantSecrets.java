package io.statusnotify.sink.config;

import io.statusnotify.sink.http.TlsContexts;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretException;

/**
 * Opens the secrets of a tenant's config record once, when the record arrives: sealed ones with the key ring, clear
 * ones only when {@code SNS_ALLOW_CLEARTEXT_PASSWORDS=true}; then checks that its TLS material makes a context. What
 * it returns holds the secrets in clear, in memory only.
 */
public final class TenantSecrets {
    static final String ALLOW_CLEARTEXT = "SNS_ALLOW_CLEARTEXT_PASSWORDS";
    private final SecretBox box;
    private final boolean allowCleartext;

    public TenantSecrets(SecretBox box, boolean allowCleartext) {
        this.box = box;
        this.allowCleartext = allowCleartext;
    }

    /** {@code config} with every secret opened; throws {@link SecretException} naming the field, key id and cause. */
    public TenantConfig open(String tenant, TenantConfig config) {
        return config.withSecrets(opened(tenant, TenantConfig.PASSWORD, config.password()),
                opened(tenant, TenantConfig.CLIENT_KEY, config.clientKey()),
                opened(tenant, TenantConfig.SIGNING_SECRET, config.signingSecret()));
    }

    /**
     * Throws {@link SecretException} when an opened config's TLS material, though of the right form, cannot make a
     * TLS context (a key that does not fit its certificate, say): the rules cannot see that, the sink finds it here.
     */
    public static void requireUsableTls(TenantConfig opened, Secret sealedKey) {
        if (!opened.hasOwnTls()) return;
        try {
            TlsContexts.forTenant(opened, java.util.List.of());
        } catch (IllegalArgumentException e) {
            throw new SecretException(keyIdOf(sealedKey), e.getMessage());
        }
    }

    private Secret opened(String tenant, String field, Secret secret) {
        if (secret == null) return null;
        if (secret instanceof Secret.Clear && !allowCleartext) {
            throw new SecretException(null, field + ": clear text is not accepted (seal it with the CLI, or set "
                    + ALLOW_CLEARTEXT + "=true)");
        }
        return new Secret.Clear(box.open(tenant, field, secret));
    }

    static String keyIdOf(Secret secret) {
        return secret instanceof Secret.Sealed sealed ? sealed.keyId() : null;
    }
}
