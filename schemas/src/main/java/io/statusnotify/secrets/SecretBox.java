package io.statusnotify.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Seals and opens a tenant's secrets with AES-256-GCM (12-byte random nonce, 128-bit tag). The associated data
 * {@code statusnotify/v1/<tenant>/<field>} binds each sealed value to its tenant and field: a sealed password copied
 * into another tenant's record, or into another field, does not open.
 */
public final class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeys keys;

    public SecretBox(SecretKeys keys) {
        this.keys = keys;
    }

    public Secret.Sealed seal(String tenant, String field, String clearText) {
        String keyId = keys.sealingKeyId().orElseThrow(() -> new SecretException(null,
                field + ": cannot seal, no key configured (" + SecretKeys.KEYS + " or " + SecretKeys.KEYS_FILE + ")"));
        byte[] nonce = new byte[SecretJson.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.key(keyId).orElseThrow(), nonce, tenant, field);
            return new Secret.Sealed(keyId, nonce, cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new SecretException(keyId, field + ": sealing with key '" + keyId + "' failed: " + e.getClass().getSimpleName());
        }
    }

    /** The clear text of {@code secret} (clear text is returned as is: whether it is allowed is the caller's call). */
    public String open(String tenant, String field, Secret secret) {
        if (secret instanceof Secret.Clear clear) return clear.value();
        Secret.Sealed sealed = (Secret.Sealed) secret;
        String keyId = sealed.keyId();
        SecretKey key = keys.key(keyId).orElseThrow(() -> new SecretException(keyId, field + ": sealed with key '"
                + keyId + "', which is not configured (" + SecretKeys.KEYS + " / " + SecretKeys.KEYS_FILE + ")"));
        try {
            byte[] clear = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), tenant, field).doFinal(sealed.data());
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException(keyId, field + ": does not open with key '" + keyId
                    + "' (altered, sealed with another key of that id, or sealed for another tenant or field)");
        } catch (GeneralSecurityException e) {
            throw new SecretException(keyId, field + ": opening with key '" + keyId + "' failed: " + e.getClass().getSimpleName());
        }
    }

    static byte[] associatedData(String tenant, String field) {
        return ("statusnotify/v1/" + tenant + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String tenant, String field)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(SecretJson.TAG_BYTES * 8, nonce));
        cipher.updateAAD(associatedData(tenant, field));
        return cipher;
    }
}
