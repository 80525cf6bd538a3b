package io.statusnotify.secrets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.util.Base64;

/** The two JSON forms of a {@link Secret}: a string (clear text) or a sealed object. */
final class SecretJson {
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final int ENVELOPE_MEMBERS = 4;

    private SecretJson() {
    }

    static final class Writer extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret secret, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (secret instanceof Secret.Clear clear) {
                out.writeString(clear.value());
                return;
            }
            Secret.Sealed sealed = (Secret.Sealed) secret;
            out.writeStartObject();
            out.writeStringField("sealed", Secret.Sealed.VERSION);
            out.writeStringField("keyId", sealed.keyId());
            out.writeStringField("nonce", Base64.getEncoder().encodeToString(sealed.nonce()));
            out.writeStringField("data", Base64.getEncoder().encodeToString(sealed.data()));
            out.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<Secret> {
        @Override
        public Secret deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() == JsonToken.VALUE_STRING) {
                return new Secret.Clear(in.getText());
            }
            if (in.currentToken() != JsonToken.START_OBJECT) {
                // Never the value itself: it could be the secret in an unexpected shape.
                throw mismatch(in, "expected a string (clear text) or a sealed object {\"sealed\":\"v1\",\"keyId\",\"nonce\",\"data\"}");
            }
            JsonNode node = context.readTree(in);
            String version = text(node, "sealed", context);
            if (!Secret.Sealed.VERSION.equals(version)) {
                // Quoted only when it looks like a version: the value could be anything, a secret included.
                String shown = version.matches("[A-Za-z0-9.]{1,8}") ? " '" + version + "'" : "";
                throw mismatch(in, "unsupported sealed version" + shown + " (this version reads \"v1\")");
            }
            String keyId = text(node, "keyId", context);
            if (!SecretKeys.isKeyId(keyId)) {
                throw mismatch(in, "keyId must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            byte[] nonce = base64(node, "nonce", context);
            byte[] data = base64(node, "data", context);
            if (nonce.length != NONCE_BYTES) {
                throw mismatch(in, "sealed nonce must be " + NONCE_BYTES + " bytes, was " + nonce.length);
            }
            if (data.length < TAG_BYTES) {
                throw mismatch(in, "sealed data is shorter than its " + TAG_BYTES + "-byte tag");
            }
            if (node.size() != ENVELOPE_MEMBERS) {
                throw mismatch(in, "a sealed object has exactly the members sealed, keyId, nonce and data");
            }
            return new Secret.Sealed(keyId, nonce, data);
        }

        /** No target type: {@code Json} then reports this message as it is, after the field's name. */
        private static MismatchedInputException mismatch(JsonParser in, String message) {
            return MismatchedInputException.from(in, (Class<?>) null, message);
        }

        private static String text(JsonNode node, String field, DeserializationContext context) throws IOException {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw mismatch(context.getParser(), "sealed secret needs a string '" + field + "'");
            }
            return value.asText();
        }

        private static byte[] base64(JsonNode node, String field, DeserializationContext context) throws IOException {
            String text = text(node, field, context);
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw mismatch(context.getParser(), "sealed '" + field + "' is not base64");
            }
        }
    }
}
