package io.statusnotify.admin.access;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * bcrypt, by at.favre.lib's {@code bcrypt}: it reads the {@code $2a$}, {@code $2b$} and {@code $2y$} hashes that
 * {@code htpasswd -B} and Prometheus' tools write, and writes {@code $2y$}.
 */
public final class Passwords {
    /** Cost 10 as htpasswd's default: about 80 ms a check on a 2-core machine, which is also what slows a guesser. */
    public static final int COST = 10;
    private static final Pattern HASH = Pattern.compile("^\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    // Checked against when the user is unknown, so an unknown name costs what a wrong password does.
    private static final String NOBODY = hash("no such user");

    private Passwords() {
    }

    /** bcrypt reads at most 72 bytes; a longer password is refused rather than cut. */
    public static final int MAX_BYTES = 72;

    /** Throws {@link IllegalArgumentException} when the password is empty or longer than {@link #MAX_BYTES}. */
    public static String hash(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("password: must be 1 to " + MAX_BYTES + " bytes, was " + bytes);
        }
        return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(COST, password.toCharArray());
    }

    /** True when {@code password} matches {@code hash}; a null hash (unknown user) is checked too, then refused. */
    public static boolean matches(String password, String hash) {
        String against = hash == null ? NOBODY : hash;
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        if (given.length > MAX_BYTES) return false;
        boolean verified = BCrypt.verifyer().verify(given, against.getBytes(StandardCharsets.US_ASCII)).verified;
        return verified && hash != null;
    }

    public static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    /** A password for a user made by the project itself ({@code up}'s super-admin): 20 letters and digits. */
    public static String random() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return password.toString();
    }
}
