package io.statusnotify.console.config;

import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.sink.config.SecuritySettings;
import io.statusnotify.sink.connectiontest.ConnectionTest;
import io.statusnotify.sink.http.HttpSettings;
import io.statusnotify.tenants.Actor;
import io.statusnotify.tenants.ChangedFields;
import io.statusnotify.tenants.ConfigChange;
import io.statusnotify.tenants.ConfigSnapshot;
import io.statusnotify.tenants.ConfigWriter;
import io.statusnotify.tenants.SecretSealer;
import io.statusnotify.tenants.TenantChange;
import io.statusnotify.tenants.TenantChangeRefused;
import io.statusnotify.tenants.TenantFieldNames;
import io.statusnotify.tenants.TenantRecordBuilder;
import io.statusnotify.schema.AuditRecord;
import org.apache.kafka.common.KafkaException;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The two pages' changes: the Connection test of a form, saving a tested form, the Super Admin switch. Every record
 * is built by the CLI's own rules ({@link TenantRecordBuilder}), its password sealed as the CLI seals it, and written
 * with its audit record in one transaction ({@link ConfigWriter}). Who may do what is the caller's check.
 */
public final class TenantEditor {
    /** The form's labels, so a refusal names what the user sees. */
    static final TenantFieldNames FORM_LABELS = field -> switch (field) {
        case SERVER_URL -> "Server URL";
        case USERNAME -> "User Name";
        case PASSWORD -> "Password";
        case ENABLED -> "Enable Status Notification Service";
        default -> field.recordName();
    };
    private static final Duration SYNC = Duration.ofSeconds(10);
    private final ConfigView view;
    private final ConfigWriter writer;
    private final TestTokens tokens;
    private final SecuritySettings security;
    private final HttpSettings http;
    private final boolean allowByDefault;
    private final Clock clock;
    private final TenantRecordBuilder builder = new TenantRecordBuilder(FORM_LABELS);

    public TenantEditor(ConfigView view, ConfigWriter writer, TestTokens tokens, SecuritySettings security,
                        HttpSettings http, boolean allowByDefault, Clock clock) {
        this.view = view;
        this.writer = writer;
        this.tokens = tokens;
        this.security = security;
        this.http = http;
        this.allowByDefault = allowByDefault;
        this.clock = clock;
    }

    /** What the Connection test came to; {@code token} only when it passed. */
    public record TestOutcome(boolean passed, String outcome, String token) {
    }

    public boolean allowTenantConfig() {
        GlobalSettings global = view.snapshot().global();
        return global == null ? allowByDefault : global.allowTenantConfig();
    }

    public TestOutcome test(String session, String tenant, TenantForm form) {
        TenantConfig stored = stored(tenant);
        TenantConfig tested = build(tenant, stored, new TenantForm(true, form.serverUrl(), form.username(),
                form.password(), null), SecretSealer.cleartext());
        ConnectionTest.Result result = ConnectionTest.run(tenant, tested, security, http);
        return new TestOutcome(result.passed(), result.message(),
                result.passed() ? tokens.issue(session, tenant, form, stored) : null);
    }

    public void save(Actor actor, String session, String tenant, TenantForm form) {
        TenantConfig stored = stored(tenant);
        if (form.enabled() && !allowTenantConfig()) {
            throw new ConsoleRefusal(409, "The Super Admin does not allow Tenant Admins to configure the Status "
                    + "Notification Service.");
        }
        if (form.enabled() && !tokens.matches(form.token(), session, tenant, form, stored)) {
            throw new ConsoleRefusal(409, "Run the Connection test again: the form changed since it passed.");
        }
        TenantConfig after = build(tenant, stored, form, sealer(form));
        String action = ChangedFields.between(stored, after).equals(java.util.List.of("enabled"))
                ? (after.enabled() ? AuditRecord.ENABLE : AuditRecord.DISABLE) : AuditRecord.PUT;
        write(ConfigChange.tenant(actor, action, tenant, stored, after, clock.instant()));
    }

    public void setGlobal(Actor actor, boolean allow) {
        write(ConfigChange.global(actor, view.snapshot().global(), new GlobalSettings(allow), clock.instant()));
    }

    private TenantConfig build(String tenant, TenantConfig stored, TenantForm form, SecretSealer sealer) {
        if (form.enabled() && form.username() == null) throw new ConsoleRefusal(400, "User Name: required");
        if (form.enabled() && form.keepsPassword() && (stored == null || stored.password() == null)) {
            throw new ConsoleRefusal(400, "Password: required (no password is stored yet)");
        }
        if (form.keepsPassword() && stored != null && stored.password() != null && form.serverUrl() != null
                && !sameServer(stored.serverUrl(), form.serverUrl())) {
            // Else anyone at the keyboard could send the stored password to a server of their own.
            throw new ConsoleRefusal(400, "Password: enter it again for a new server (the stored one goes only to "
                    + "the server it was saved for)");
        }
        TenantChange change = new TenantChange(form.serverUrl(), form.username(), form.password(), form.enabled(),
                null, null, null, null, null, null, Set.of());
        try {
            return builder.build(tenant, stored, change, sealer);
        } catch (TenantChangeRefused e) {
            throw new ConsoleRefusal(400, e.getMessage());
        }
    }

    /** Same scheme, host and port: where basic-auth credentials may go, as a browser would send them. */
    static boolean sameServer(String storedUrl, String givenUrl) {
        try {
            java.net.URI a = java.net.URI.create(storedUrl);
            java.net.URI b = java.net.URI.create(givenUrl);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                    && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(java.net.URI uri) {
        if (uri.getPort() >= 0) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private SecretSealer sealer(TenantForm form) {
        if (form.keepsPassword()) return null;
        if (security.secretKeys().sealingKeyId().isPresent()) return SecretSealer.sealedWith(security.secretKeys());
        if (security.allowCleartextSecrets()) return SecretSealer.cleartext();
        throw new ConsoleRefusal(400, "Password: cannot be stored: the console has no secret key to seal it with"
                + " (SNS_SECRET_KEYS_FILE) and clear-text passwords are not allowed");
    }

    private TenantConfig stored(String tenant) {
        ConfigSnapshot snapshot = view.snapshot();
        if (snapshot.unusable(tenant) != null) {
            throw new ConsoleRefusal(409, "The stored record of " + tenant + " cannot be used ("
                    + snapshot.unusable(tenant).reason() + "): fix it with the CLI (statusnotify tenant put)");
        }
        return snapshot.tenants().get(tenant);
    }

    private void write(ConfigChange change) {
        try {
            view.sync(writer.write(change), SYNC);
        } catch (KafkaException | IllegalStateException e) {
            throw new ConsoleRefusal(503, "Not saved: Kafka did not take the change (" + e.getClass().getSimpleName()
                    + "); try again");
        } catch (TimeoutException e) {
            throw new ConsoleRefusal(503, "Saved, but not yet read back from Kafka: reload the page in a moment");
        }
    }
}
