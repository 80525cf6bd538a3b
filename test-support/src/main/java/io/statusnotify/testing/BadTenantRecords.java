package io.statusnotify.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Tenant config records that each break one rule of {@code TenantConfigRules}, as raw JSON another tool could write
 * straight to the topic: the readers' unit tests and the system test share them. Each is a usable record (enabled,
 * pointing at {@code url}) but for the one thing that breaks, so a reader that missed the rule would deliver.
 */
public final class BadTenantRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String USERNAME = "portal";
    public static final String PASSWORD = "pw-of-a-bad-record";
    static final String KEY_PEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGJhZC1yZWNvcmQtYmFkLXJlY29yZC1iYWQtcmVj\n"
            + "-----END PRIVATE KEY-----\n";

    /**
     * {@code rule}: the code the readers must name; {@code breaks}: in words, for the test's name; {@code key}: the
     * record key for a tenant name; {@code value}: the record for a server URL.
     */
    public record Case(String rule, String breaks, UnaryOperator<String> key, UnaryOperator<String> value) {
        @Override
        public String toString() {
            return rule + " (" + breaks + ")";
        }
    }

    private BadTenantRecords() {
    }

    /** One case per rule a reader can check without the key ring (so both apps refuse each). */
    public static List<Case> all() {
        return List.of(
                named("tenant.length", "a 201-character tenant name", t -> t + "-" + "n".repeat(200 - t.length())),
                named("tenant.characters", "a '/' in the tenant name", t -> t + "/eu"),
                url("serverUrl.required", "no server URL for an enabled tenant", u -> null),
                url("serverUrl.length", "a 2,100-character URL", u -> u + "?q=" + "a".repeat(2100)),
                url("serverUrl.characters", "a space in the URL", u -> u + "?a=b c"),
                url("serverUrl.syntax", "a '^' in the URL's path", u -> u + "/x^y"),
                url("serverUrl.scheme", "an ftp:// URL", u -> u.replaceFirst("^http", "ftp")),
                url("serverUrl.host", "a URL without a host", u -> "http:///sns"),
                url("serverUrl.user-info", "user:password@ in the URL", u -> u.replaceFirst("://", "://portal:pw@")),
                url("serverUrl.fragment", "a #fragment on the URL", u -> u + "#top"),
                field("username.length", "a 257-character user name", r -> r.put("username", "u".repeat(257))),
                field("username.characters", "CR LF in the user name", r -> r.put("username", "portal\r\nX-Injected: 1")),
                field("password.length", "a 900,000-character clear-text password", r -> r.put("password", "p".repeat(900_000))),
                field("password.length", "a sealed password of 600,000 bytes", r -> r.set("password", sealed(600_000))),
                field("password.characters", "CR LF in the password", r -> r.put("password", "pw\r\nX-Injected: 1")),
                field("password.envelope", "a sealed password of version v9", r -> r.set("password",
                        sealed(32).put("sealed", "v9"))),
                field("password.envelope", "a sealed password with a 5-byte nonce", r -> r.set("password",
                        sealed(32).put("nonce", base64(5)))),
                field("maxInFlight.range", "maxInFlight 0", r -> r.put("maxInFlight", 0)),
                field("maxRequestsPerSecond.range", "maxRequestsPerSecond -1", r -> r.put("maxRequestsPerSecond", -1)),
                field("caCertificates.form", "caCertificates that are no certificate", r -> r.put("caCertificates",
                        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")),
                field("caCertificates.length", "600 KiB of caCertificates", r -> r.put("caCertificates", "A".repeat(600 * 1024))),
                field("clientCertificate.pair", "a clientKey without clientCertificate", r -> r.put("clientKey", KEY_PEM)),
                field("clientKey.form", "a clientKey that is not PKCS#8 PEM", r -> r.put("clientKey", "not a key")),
                field("clientKey.length", "a 20 KiB clientKey", r -> r.put("clientKey", "k".repeat(20 * 1024))),
                field("signingSecret.form", "a signingSecret without whsec_", r -> r.put("signingSecret", "c2VjcmV0LXNlY3JldC1zZWNyZXQ=")),
                field("signingSecret.length", "a 5,000-character signingSecret", r -> r.put("signingSecret",
                        "whsec_" + "A".repeat(5000))),
                field("enabled.type", "enabled as a string", r -> r.put("enabled", "yes")));
    }

    /** The record a writer would write for {@code url}: what each case changes one thing of. */
    public static ObjectNode good(String url) {
        return JSON.createObjectNode().put("enabled", true).put("serverUrl", url).put("username", USERNAME)
                .put("password", PASSWORD);
    }

    /** A well-formed sealed envelope (it opens with no key) whose data holds {@code bytes} bytes. */
    public static ObjectNode sealed(int bytes) {
        return JSON.createObjectNode().put("sealed", "v1").put("keyId", "k1").put("nonce", base64(12))
                .put("data", base64(bytes));
    }

    private static String base64(int bytes) {
        return Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    private static Case named(String rule, String breaks, UnaryOperator<String> key) {
        return new Case(rule, breaks, key, u -> good(u).toString());
    }

    private static Case url(String rule, String breaks, UnaryOperator<String> url) {
        return field(rule, breaks, r -> r.put("serverUrl", url.apply(r.get("serverUrl").asText())));
    }

    private static Case field(String rule, String breaks, Consumer<ObjectNode> change) {
        return new Case(rule, breaks, t -> t, u -> {
            ObjectNode record = good(u);
            change.accept(record);
            return record.toString();
        });
    }
}
