package io.statusnotify.secrets;

/** A secret cannot be sealed or opened; the message names the field, the key id and the problem, never a secret. */
public class SecretException extends RuntimeException {
    private final String keyId;

    public SecretException(String keyId, String message) {
        super(message);
        this.keyId = keyId;
    }

    /** The key id involved, or null (clear text, no key). */
    public String keyId() {
        return keyId;
    }
}
