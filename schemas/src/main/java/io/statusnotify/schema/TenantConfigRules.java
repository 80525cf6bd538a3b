package io.statusnotify.schema;

import io.statusnotify.secrets.Secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a tenant's name and config must follow, in one place for every writer and reader (the CLI before it
 * writes, the apps and the connection test when they read). Each rule is phrased so that it can follow a field
 * name: {@code "--url: " + rule} or {@code "serverUrl: " + rule}. No rule ever quotes a password or a user name.
 */
public final class TenantConfigRules {
    public static final int MAX_TENANT_NAME_LENGTH = 200;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_USERNAME_LENGTH = 256;
    public static final int MAX_PASSWORD_LENGTH = 1024;

    /** The fields of a tenant's config, with the name each has in the record. */
    public enum Field {
        TENANT("tenant"), SERVER_URL("serverUrl"), USERNAME("username"), PASSWORD("password"),
        MAX_IN_FLIGHT("maxInFlight"), MAX_REQUESTS_PER_SECOND("maxRequestsPerSecond");

        private final String recordName;

        Field(String recordName) {
            this.recordName = recordName;
        }

        public String recordName() {
            return recordName;
        }
    }

    /** One broken rule: the field and the rule in words. */
    public record Violation(Field field, String rule) {
    }

    private TenantConfigRules() {
    }

    /** Every broken rule of {@code tenant}'s name and {@code config}; empty when both are fine. */
    public static List<Violation> check(String tenant, TenantConfig config) {
        List<Violation> violations = new ArrayList<>();
        tenantName(tenant).ifPresent(rule -> violations.add(new Violation(Field.TENANT, rule)));
        if (config.serverUrl() != null || config.enabled()) {
            serverUrl(config.serverUrl()).ifPresent(rule -> violations.add(new Violation(Field.SERVER_URL, rule)));
        }
        username(config.username()).ifPresent(rule -> violations.add(new Violation(Field.USERNAME, rule)));
        // A sealed password was checked before it was sealed; only clear text can be looked at here.
        password(Secret.clearText(config.password())).ifPresent(rule -> violations.add(new Violation(Field.PASSWORD, rule)));
        maxInFlight(config.maxInFlight()).ifPresent(rule -> violations.add(new Violation(Field.MAX_IN_FLIGHT, rule)));
        maxRequestsPerSecond(config.maxRequestsPerSecond())
                .ifPresent(rule -> violations.add(new Violation(Field.MAX_REQUESTS_PER_SECOND, rule)));
        return violations;
    }

    /** Tenant names are record keys and the first part of notification keys ({@code tenant/memberID}). */
    public static Optional<String> tenantName(String name) {
        if (name == null || name.isBlank()) return Optional.of("must not be empty");
        if (name.length() > MAX_TENANT_NAME_LENGTH) return tooLong(MAX_TENANT_NAME_LENGTH, name.length());
        if (GlobalSettings.KEY.equals(name)) return Optional.of("'" + GlobalSettings.KEY + "' is reserved for the global switch");
        if (name.indexOf('/') >= 0) return Optional.of("must not contain '/' (it separates tenant and user in notification keys)");
        if (hasControlCharacter(name)) return Optional.of("must not contain control characters (CR, LF, NUL, ...)");
        if (!name.equals(name.strip())) return Optional.of("must not start or end with a space");
        return Optional.empty();
    }

    public static Optional<String> serverUrl(String url) {
        if (url == null || url.isBlank()) return Optional.of("required when the tenant is enabled");
        if (url.length() > MAX_URL_LENGTH) return tooLong(MAX_URL_LENGTH, url.length());
        if (hasControlCharacter(url) || url.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        if (!uri.isAbsolute()) return Optional.of("must be an absolute http or https URL (got a relative one)");
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return Optional.of("must be an absolute http or https URL (got scheme '" + scheme + "')");
        }
        // Checked before the host: java.net.URI reports no host for some URLs with user-info.
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not contain credentials (user:password@); give the user name and password separately");
        }
        if (uri.getHost() == null) return Optional.of("must name a host (e.g. https://notify.example.com/sns)");
        return Optional.empty();
    }

    public static Optional<String> username(String username) {
        if (username == null) return Optional.empty();
        if (username.length() > MAX_USERNAME_LENGTH) return tooLong(MAX_USERNAME_LENGTH, username.length());
        if (hasControlCharacter(username)) return Optional.of("must not contain control characters (CR, LF, NUL, ...)");
        if (username.indexOf(':') >= 0) return Optional.of("must not contain ':' (HTTP basic auth splits user and password there)");
        return Optional.empty();
    }

    public static Optional<String> password(String password) {
        if (password == null) return Optional.empty();
        if (password.isEmpty()) return Optional.of("must not be empty");
        if (password.length() > MAX_PASSWORD_LENGTH) return tooLong(MAX_PASSWORD_LENGTH, password.length());
        if (hasControlCharacter(password)) return Optional.of("must not contain control characters (CR, LF, NUL, ...)");
        return Optional.empty();
    }

    public static Optional<String> maxInFlight(Integer maxInFlight) {
        if (maxInFlight == null || (maxInFlight >= 1 && maxInFlight <= TenantConfig.MAX_IN_FLIGHT_LIMIT)) return Optional.empty();
        return Optional.of("must be between 1 and " + TenantConfig.MAX_IN_FLIGHT_LIMIT + ", was " + maxInFlight);
    }

    public static Optional<String> maxRequestsPerSecond(Double rate) {
        if (rate == null || (rate > 0 && rate <= TenantConfig.MAX_REQUESTS_PER_SECOND_LIMIT)) return Optional.empty();
        return Optional.of("must be above 0 and at most " + (long) TenantConfig.MAX_REQUESTS_PER_SECOND_LIMIT + ", was " + rate);
    }

    private static Optional<String> tooLong(int max, int length) {
        return Optional.of("must be at most " + max + " characters, was " + length);
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
