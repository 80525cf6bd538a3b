package io.statusnotify.tenants;

import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;

/** How a clear secret given in a change goes into a record: sealed with the current key, or (when asked) in clear. */
public interface SecretSealer {
    Secret seal(String tenant, String field, String clearText);

    /** What the record says about it, for the writer's output ("sealed with key k2", "stored in clear text"). */
    String describe();

    /** {@code keys} must have a sealing key ({@link SecretKeys#sealingKeyId()}). */
    static SecretSealer sealedWith(SecretKeys keys) {
        SecretBox box = new SecretBox(keys);
        String keyId = keys.sealingKeyId().orElseThrow();
        return new SecretSealer() {
            @Override
            public Secret seal(String tenant, String field, String clearText) {
                return box.seal(tenant, field, clearText);
            }

            @Override
            public String describe() {
                return "sealed with key " + keyId;
            }
        };
    }

    static SecretSealer cleartext() {
        return new SecretSealer() {
            @Override
            public Secret seal(String tenant, String field, String clearText) {
                return Secret.clear(clearText);
            }

            @Override
            public String describe() {
                return "stored in clear text (the sink needs SNS_ALLOW_CLEARTEXT_PASSWORDS=true)";
            }
        };
    }
}
