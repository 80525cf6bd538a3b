package io.statusnotify.secrets;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A secret of a tenant's config record (password, client key, signing secret): clear text (a JSON string, accepted
 * by the sink only when {@code SNS_ALLOW_CLEARTEXT_PASSWORDS=true}) or sealed with a key of the key ring
 * ({@code {"sealed":"v1","keyId":"k2","nonce":"<base64>","data":"<base64>"}}). {@link #toString()} never shows it.
 */
@JsonSerialize(using = SecretJson.Writer.class)
@JsonDeserialize(using = SecretJson.Reader.class)
public sealed interface Secret permits Secret.Clear, Secret.Sealed {

    static Secret clear(String value) {
        return value == null ? null : new Clear(value);
    }

    /** The clear text of {@code secret}, or null when it is absent or still sealed. */
    static String clearText(Secret secret) {
        return secret instanceof Clear clear ? clear.value() : null;
    }

    @JsonSerialize(using = SecretJson.Writer.class)
    @JsonDeserialize(using = SecretJson.Reader.class)
    record Clear(String value) implements Secret {
        public Clear {
            if (value == null) throw new IllegalArgumentException("a clear secret needs a value");
        }

        @Override
        public String toString() {
            return "Secret[clear, ***]";
        }
    }

    /** {@code nonce} (12 bytes) and {@code data} (ciphertext and 16-byte GCM tag) as decoded bytes. */
    @JsonSerialize(using = SecretJson.Writer.class)
    @JsonDeserialize(using = SecretJson.Reader.class)
    record Sealed(String keyId, byte[] nonce, byte[] data) implements Secret {
        public static final String VERSION = "v1";

        public Sealed {
            nonce = nonce.clone();
            data = data.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** How many bytes of clear text (UTF-8) the data holds: all of it but the GCM tag. */
        public int clearTextBytes() {
            return data.length - SecretJson.TAG_BYTES;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sealed that && keyId.equals(that.keyId)
                    && java.util.Arrays.equals(nonce, that.nonce) && java.util.Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * keyId.hashCode() + java.util.Arrays.hashCode(nonce)) + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Secret[sealed, keyId=" + keyId + "]";
        }
    }
}
