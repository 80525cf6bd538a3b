package io.statusnotify.console.config;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The proof, handed to the browser, that a Connection test passed for exactly one tenant, one session and one set of
 * form values (the password as a digest; "unchanged" as the stored secret's digest, so a password saved meanwhile by
 * someone else voids it). An HMAC under a key of this process: a restart voids every token, as it should.
 */
public final class TestTokens {
    public static final Duration VALID = Duration.ofMinutes(15);
    private final byte[] key = new byte[32];
    private final Clock clock;

    public TestTokens(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    public String issue(String session, String tenant, TenantForm form, TenantConfig stored) {
        long at = clock.millis();
        return at + "." + mac(session, tenant, form, stored, at);
    }

    public boolean matches(String token, String session, String tenant, TenantForm form, TenantConfig stored) {
        if (token == null) return false;
        int dot = token.indexOf('.');
        if (dot <= 0) return false;
        long at;
        try {
            at = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.millis() - at > VALID.toMillis() || at > clock.millis()) return false;
        return MessageDigest.isEqual(token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
                mac(session, tenant, form, stored, at).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String session, String tenant, TenantForm form, TenantConfig stored, long at) {
        String password = form.keepsPassword()
                ? "stored:" + digest(stored == null || stored.password() == null ? "" : new String(Json.write(stored.password()), StandardCharsets.UTF_8))
                : "given:" + digest(form.password());
        String fields = String.join("\n", session, tenant, Boolean.toString(form.enabled()), String.valueOf(form.serverUrl()),
                String.valueOf(form.username()), password, Long.toString(at));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
