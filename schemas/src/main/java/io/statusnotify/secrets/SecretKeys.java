package io.statusnotify.secrets;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key ring that seals and opens secrets: AES-256 keys by id, from {@code SNS_SECRET_KEYS_FILE} (lines
 * {@code keyId=base64}) and {@code SNS_SECRET_KEYS} ({@code k1:base64,k2:base64}); {@code SNS_SECRET_KEY_ID} names
 * the one new secrets are sealed with (default: the last listed). Old keys stay listed so records sealed with them
 * still open. Errors name the setting and the key id, never a key. {@link #toString()} shows only the ids.
 */
public final class SecretKeys {
    public static final String KEYS_FILE = "SNS_SECRET_KEYS_FILE";
    public static final String KEYS = "SNS_SECRET_KEYS";
    public static final String KEY_ID = "SNS_SECRET_KEY_ID";
    static final int KEY_BYTES = 32;
    /** A key id's shape; the tenant config's JSON Schema says the same. */
    public static final String KEY_ID_PATTERN = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern KEY_ID_SHAPE = Pattern.compile(KEY_ID_PATTERN);

    private final Map<String, SecretKey> keys;
    private final String sealingKeyId; // null: an empty ring

    private SecretKeys(Map<String, SecretKey> keys, String sealingKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.sealingKeyId = sealingKeyId;
    }

    public static SecretKeys none() {
        return new SecretKeys(new LinkedHashMap<>(), null);
    }

    public static SecretKeys from(Settings settings) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String file = settings.string(KEYS_FILE, null);
        if (file != null) {
            for (String line : readLines(Path.of(file))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                int equals = trimmed.indexOf('=');
                if (equals < 0) throw new SettingsException(KEYS_FILE + ": every line must be keyId=base64 (32 bytes)");
                add(keys, KEYS_FILE, trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
            }
        }
        String list = settings.string(KEYS, null);
        if (list != null) {
            for (String entry : list.split(",")) {
                int colon = entry.indexOf(':');
                // Never echo the entry: it may be a key without its id.
                if (colon < 0) throw new SettingsException(KEYS + ": every entry must be keyId:base64 (32 bytes), comma-separated");
                add(keys, KEYS, entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
            }
        }
        String last = keys.isEmpty() ? null : List.copyOf(keys.keySet()).get(keys.size() - 1);
        String sealing = settings.string(KEY_ID, last);
        if (sealing != null && !keys.containsKey(sealing)) {
            throw new SettingsException(KEY_ID + ": no key with id '" + sealing + "' in " + KEYS + " or " + KEYS_FILE);
        }
        return new SecretKeys(keys, sealing);
    }

    /** A new random key as a line for {@code SNS_SECRET_KEYS_FILE}: {@code keyId=base64}. */
    public static String generateLine(String keyId) {
        if (!isKeyId(keyId)) throw new IllegalArgumentException("key id must be 1 to 64 letters, digits, '.', '_' or '-'");
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return keyId + "=" + Base64.getEncoder().encodeToString(key);
    }

    static boolean isKeyId(String keyId) {
        return keyId != null && KEY_ID_SHAPE.matcher(keyId).matches();
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** The id new secrets are sealed with; empty when no key is configured. */
    public Optional<String> sealingKeyId() {
        return Optional.ofNullable(sealingKeyId);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static void add(Map<String, SecretKey> keys, String setting, String keyId, String base64) {
        if (!isKeyId(keyId)) {
            throw new SettingsException(setting + ": a key id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting + ": key '" + keyId + "' is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new SettingsException(setting + ": key '" + keyId + "' must be " + KEY_BYTES + " bytes (AES-256), was "
                    + bytes.length);
        }
        SecretKey key = new SecretKeySpec(bytes, "AES");
        SecretKey earlier = keys.putIfAbsent(keyId, key);
        if (earlier != null && !earlier.equals(key)) {
            throw new SettingsException(setting + ": key id '" + keyId + "' is listed twice with different keys");
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(KEYS_FILE + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "SecretKeys[ids=" + keys.keySet() + ", sealingKeyId=" + sealingKeyId + "]";
    }
}
