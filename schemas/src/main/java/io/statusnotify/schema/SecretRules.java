package io.statusnotify.schema;

import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Rule;
import io.statusnotify.schema.TenantConfigRules.Violation;
import io.statusnotify.secrets.Secret;

import java.util.Optional;
import java.util.function.Function;

/**
 * A secret field's rules in either form. Clear text is checked by the field's own rule. Sealed text cannot be read
 * without the key ring (the streams app has none), but its size bounds the clear text's: a sealed value too large to
 * hold a valid one breaks the field's length rule for every reader. The sink checks the opened text as clear text.
 * The envelope's form (version, key id, nonce, tag) is checked when it is read ({@code SecretJson}).
 */
final class SecretRules {
    /** UTF-8 takes at most 4 bytes a code point. */
    static final int MAX_UTF8_BYTES_PER_CHARACTER = 4;

    private SecretRules() {
    }

    static Optional<Violation> check(Field field, Secret secret, Function<String, Optional<Violation>> clearRule) {
        if (secret == null) return Optional.empty();
        if (secret instanceof Secret.Clear clear) return clearRule.apply(clear.value());
        int bytes = ((Secret.Sealed) secret).clearTextBytes();
        int max = maxClearBytes(field);
        if (bytes <= max) return Optional.empty();
        return TenantConfigRules.broken(field, Rule.LENGTH, "sealed, it holds " + bytes + " bytes, more than the at most "
                + maxCharacters(field) + " characters allowed can take (" + max + " bytes)");
    }

    /** The most UTF-8 bytes a valid clear text of {@code field} can take: what its sealed data may hold. */
    static int maxClearBytes(Field field) {
        // The password may be any Unicode text; PEM keys and whsec_ secrets are ASCII (one byte a character).
        return field == Field.PASSWORD ? maxCharacters(field) * MAX_UTF8_BYTES_PER_CHARACTER : maxCharacters(field);
    }

    static int maxCharacters(Field field) {
        return switch (field) {
            case PASSWORD -> TenantConfigRules.MAX_PASSWORD_LENGTH;
            case CLIENT_KEY -> TenantMaterialRules.MAX_CLIENT_KEY_LENGTH;
            case SIGNING_SECRET -> TenantMaterialRules.MAX_SIGNING_SECRET_LENGTH;
            default -> throw new IllegalArgumentException(field + " is not a secret");
        };
    }
}
