package io.statusnotify.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a tenant's name and config must follow, the one set for every writer and reader: the CLI before it
 * writes, {@link ConfigEntry#parse} in both apps (and the CLI) when they read, and the sink again on the secrets it
 * opens. Each {@link Violation} names its field and {@link Rule}; its text can follow a field or option name
 * ({@code "--url: " + text}). No text ever quotes a password, key, secret or user name.
 */
public final class TenantConfigRules {
    public static final int MAX_TENANT_NAME_LENGTH = 200;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_USERNAME_LENGTH = 256;
    public static final int MAX_PASSWORD_LENGTH = 1024;

    /** C0 and C1 controls (CR, LF, NUL, DEL, ...): exactly what {@link Character#isISOControl} says, as a regex class. */
    static final String CONTROLS = "\\u0000-\\u001F\\u007F-\\u009F";
    /** The JSON Schema's patterns; {@code TenantConfigSchemaTest} checks they refuse what these rules refuse. */
    public static final String USERNAME_PATTERN = "^[^:" + CONTROLS + "]*$";
    public static final String PASSWORD_PATTERN = "^[^" + CONTROLS + "]*$";
    public static final String SERVER_URL_PATTERN = "^[hH][tT][tT][pP][sS]?://[^/?#@\\u0020" + CONTROLS + "]+"
            + "([/?][^#\\u0020" + CONTROLS + "]*)?$";

    /** The fields of a tenant's config, with the name each has in the record ({@link #RECORD}: the value as a whole). */
    public enum Field {
        TENANT("tenant"), ENABLED("enabled"), SERVER_URL("serverUrl"), USERNAME("username"), PASSWORD("password"),
        MAX_IN_FLIGHT("maxInFlight"), MAX_REQUESTS_PER_SECOND("maxRequestsPerSecond"),
        CA_CERTIFICATES("caCertificates"), CLIENT_CERTIFICATE("clientCertificate"), CLIENT_KEY("clientKey"),
        SIGNING_SECRET("signingSecret"), RECORD("record");

        private final String recordName;

        Field(String recordName) {
            this.recordName = recordName;
        }

        public String recordName() {
            return recordName;
        }

        static Field byRecordName(String name) {
            for (Field field : values()) {
                if (field.recordName.equals(name) && field != TENANT) return field;
            }
            return RECORD;
        }
    }

    /** What kind of rule a field breaks; with the field it makes the rule's code ({@code password.length}). */
    public enum Rule {
        REQUIRED, LENGTH, CHARACTERS, RESERVED, SYNTAX, SCHEME, HOST, USER_INFO, FRAGMENT, RANGE, FORM, PAIR,
        /** A secret is a string (clear text) or a {@code {"sealed":"v1",...}} object: {@code SecretJson} reads it. */
        ENVELOPE,
        /** The value is not JSON, or a field has the wrong JSON type. */
        TYPE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One broken rule: the field, the rule, and the rule in words (never the value). */
    public record Violation(Field field, Rule rule, String text) {
        /** The stable name of the rule broken, for logs and the {@code rule} tag of the refusal counters. */
        public String code() {
            return field.recordName() + "." + rule.code();
        }

        @Override
        public String toString() {
            return code() + ": " + text;
        }
    }

    private TenantConfigRules() {
    }

    /** Every broken rule of {@code tenant}'s name ({@code null}: not checked) and {@code config}; empty when fine. */
    public static List<Violation> check(String tenant, TenantConfig config) {
        List<Violation> violations = new ArrayList<>();
        if (tenant != null) tenantName(tenant).ifPresent(violations::add);
        if (config.serverUrl() != null || config.enabled()) serverUrl(config.serverUrl()).ifPresent(violations::add);
        username(config.username()).ifPresent(violations::add);
        SecretRules.check(Field.PASSWORD, config.password(), TenantConfigRules::password).ifPresent(violations::add);
        maxInFlight(config.maxInFlight()).ifPresent(violations::add);
        maxRequestsPerSecond(config.maxRequestsPerSecond()).ifPresent(violations::add);
        violations.addAll(TenantMaterialRules.check(config));
        return violations;
    }

    /** Throws {@link TenantConfigException} naming every broken rule. */
    public static TenantConfig require(String tenant, TenantConfig config) {
        List<Violation> violations = check(tenant, config);
        if (!violations.isEmpty()) throw new TenantConfigException(violations);
        return config;
    }

    /** Tenant names are record keys and the first part of notification keys ({@code tenant/memberID}). */
    public static Optional<Violation> tenantName(String name) {
        if (name == null || name.isBlank()) return broken(Field.TENANT, Rule.LENGTH, "must not be empty");
        if (length(name) > MAX_TENANT_NAME_LENGTH) return tooLong(Field.TENANT, MAX_TENANT_NAME_LENGTH, name);
        if (GlobalSettings.KEY.equals(name)) {
            return broken(Field.TENANT, Rule.RESERVED, "'" + GlobalSettings.KEY + "' is reserved for the global switch");
        }
        if (name.indexOf('/') >= 0) {
            return broken(Field.TENANT, Rule.CHARACTERS, "must not contain '/' (it separates tenant and user in notification keys)");
        }
        if (hasControlCharacter(name)) return controls(Field.TENANT);
        if (!name.equals(name.strip())) return broken(Field.TENANT, Rule.CHARACTERS, "must not start or end with a space");
        return Optional.empty();
    }

    public static Optional<Violation> serverUrl(String url) {
        Field f = Field.SERVER_URL;
        if (url == null || url.isBlank()) return broken(f, Rule.REQUIRED, "required when the tenant is enabled");
        if (length(url) > MAX_URL_LENGTH) return tooLong(f, MAX_URL_LENGTH, url);
        if (hasControlCharacter(url) || url.chars().anyMatch(Character::isWhitespace)) {
            return broken(f, Rule.CHARACTERS, "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return broken(f, Rule.SYNTAX, "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        if (!uri.isAbsolute()) return broken(f, Rule.SCHEME, "must be an absolute http or https URL (got a relative one)");
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return broken(f, Rule.SCHEME, "must be an absolute http or https URL (got scheme '" + scheme + "')");
        }
        // Checked before the host: java.net.URI reports no host for some URLs with user-info.
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return broken(f, Rule.USER_INFO, "must not contain credentials (user:password@); give the user name and password separately");
        }
        if (uri.getHost() == null) return broken(f, Rule.HOST, "must name a host (e.g. https://notify.example.com/sns)");
        // Never sent in a request: a '#' here is a typo or a pasted secret, not a part of the address.
        if (uri.getRawFragment() != null) return broken(f, Rule.FRAGMENT, "must not have a fragment (#...)");
        return Optional.empty();
    }

    public static Optional<Violation> username(String username) {
        if (username == null) return Optional.empty();
        if (length(username) > MAX_USERNAME_LENGTH) return tooLong(Field.USERNAME, MAX_USERNAME_LENGTH, username);
        if (hasControlCharacter(username)) return controls(Field.USERNAME);
        if (username.indexOf(':') >= 0) {
            return broken(Field.USERNAME, Rule.CHARACTERS, "must not contain ':' (HTTP basic auth splits user and password there)");
        }
        return Optional.empty();
    }

    /** A clear-text password (a sealed one is checked by its size here, and in clear by the sink once opened). */
    public static Optional<Violation> password(String password) {
        if (password == null) return Optional.empty();
        if (password.isEmpty()) return broken(Field.PASSWORD, Rule.LENGTH, "must not be empty");
        if (length(password) > MAX_PASSWORD_LENGTH) return tooLong(Field.PASSWORD, MAX_PASSWORD_LENGTH, password);
        if (hasControlCharacter(password)) return controls(Field.PASSWORD);
        return Optional.empty();
    }

    public static Optional<Violation> maxInFlight(Integer maxInFlight) {
        if (maxInFlight == null || (maxInFlight >= 1 && maxInFlight <= TenantConfig.MAX_IN_FLIGHT_LIMIT)) return Optional.empty();
        return broken(Field.MAX_IN_FLIGHT, Rule.RANGE, "must be between 1 and " + TenantConfig.MAX_IN_FLIGHT_LIMIT
                + ", was " + maxInFlight);
    }

    public static Optional<Violation> maxRequestsPerSecond(Double rate) {
        if (rate == null || (rate > 0 && rate <= TenantConfig.MAX_REQUESTS_PER_SECOND_LIMIT)) return Optional.empty();
        return broken(Field.MAX_REQUESTS_PER_SECOND, Rule.RANGE, "must be above 0 and at most "
                + (long) TenantConfig.MAX_REQUESTS_PER_SECOND_LIMIT + ", was " + rate);
    }

    /** Length as JSON Schema's maxLength counts it: in code points (a character outside the BMP counts once). */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    static Optional<Violation> tooLong(Field field, int max, String value) {
        return broken(field, Rule.LENGTH, "must be at most " + max + " characters, was " + length(value));
    }

    static Optional<Violation> broken(Field field, Rule rule, String text) {
        return Optional.of(new Violation(field, rule, text));
    }

    private static Optional<Violation> controls(Field field) {
        return broken(field, Rule.CHARACTERS, "must not contain control characters (CR, LF, NUL, ...)");
    }

    static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
