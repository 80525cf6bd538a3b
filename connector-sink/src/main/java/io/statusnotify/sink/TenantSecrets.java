package io.statusnotify.sink;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretException;

/**
 * Opens the secrets of a tenant's config record once, when the record arrives: sealed ones with the key ring, clear
 * ones only when {@code SNS_ALLOW_CLEARTEXT_PASSWORDS=true}, and checks its TLS material. What it returns holds the
 * secrets in clear, in memory only.
 */
final class TenantSecrets {
    static final String ALLOW_CLEARTEXT = "SNS_ALLOW_CLEARTEXT_PASSWORDS";
    private final SecretBox box;
    private final boolean allowCleartext;

    TenantSecrets(SecretBox box, boolean allowCleartext) {
        this.box = box;
        this.allowCleartext = allowCleartext;
    }

    /** {@code config} with every secret opened; throws {@link SecretException} naming the field, key id and cause. */
    TenantConfig open(String tenant, TenantConfig config) {
        Secret signing = opened(tenant, TenantConfig.SIGNING_SECRET, config.signingSecret());
        if (signing != null) WebhookSignature.requireValidSecret(Secret.clearText(signing), keyIdOf(config.signingSecret()));
        TenantConfig opened = config.withSecrets(opened(tenant, TenantConfig.PASSWORD, config.password()),
                opened(tenant, TenantConfig.CLIENT_KEY, config.clientKey()), signing);
        if (opened.hasOwnTls()) {
            try {
                TlsContexts.forTenant(opened, java.util.List.of());
            } catch (IllegalArgumentException e) {
                throw new SecretException(keyIdOf(config.clientKey()), e.getMessage());
            }
        }
        return opened;
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
