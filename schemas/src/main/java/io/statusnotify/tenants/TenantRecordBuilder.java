package io.statusnotify.tenants;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Rule;
import io.statusnotify.schema.TenantConfigRules.Violation;
import io.statusnotify.schema.TenantMaterialRules;
import io.statusnotify.secrets.Secret;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the tenant record a writer (the CLI, the console) writes: the current record (every field of it) with the
 * change applied, checked by {@link TenantConfigRules} before anything is written. The one place a clear-text secret
 * becomes part of a record: it is checked in clear, then sealed by the {@link SecretSealer}. Refusals name the fields
 * as the writer's {@link TenantFieldNames} call them.
 */
public final class TenantRecordBuilder {
    private final TenantFieldNames names;

    public TenantRecordBuilder(TenantFieldNames names) {
        this.names = names;
    }

    /**
     * {@code current}: the tenant's record now, null for a new tenant. Throws {@link TenantChangeRefused} naming each
     * field (or, for a kept value, the record field) and the rule it breaks. {@code sealer} may be null when the
     * change gives no secret.
     */
    public TenantConfig build(String tenant, TenantConfig current, TenantChange change, SecretSealer sealer) {
        if (current == null && change.serverUrl() == null) {
            throw new TenantChangeRefused(names.of(Field.SERVER_URL) + ": required for a new tenant");
        }
        TenantConfig now = current == null ? new TenantConfig(true, null, null, null) : current;
        TenantConfig merged = new TenantConfig(
                pick(change.enabled(), now.enabled()),
                pick(change.serverUrl(), now.serverUrl()),
                kept(change, "username", change.username(), now.username()),
                kept(change, TenantConfig.PASSWORD, Secret.clear(change.password()), now.password()),
                pick(change.maxInFlight(), now.maxInFlight()),
                pick(change.maxRequestsPerSecond(), now.maxRequestsPerSecond()),
                kept(change, "caCertificates", change.caCertificates(), now.caCertificates()),
                kept(change, "clientCertificate", change.clientCertificate(), now.clientCertificate()),
                kept(change, TenantConfig.CLIENT_KEY, Secret.clear(change.clientKey()), now.clientKey()),
                kept(change, TenantConfig.SIGNING_SECRET, Secret.clear(change.signingSecret()), now.signingSecret()));
        requireValid(tenant, merged, change);
        if (!change.givesSecret()) {
            return merged;
        }
        return merged.withSecrets(
                sealedIfGiven(sealer, tenant, TenantConfig.PASSWORD, change.password(), merged.password()),
                sealedIfGiven(sealer, tenant, TenantConfig.CLIENT_KEY, change.clientKey(), merged.clientKey()),
                sealedIfGiven(sealer, tenant, TenantConfig.SIGNING_SECRET, change.signingSecret(), merged.signingSecret()));
    }

    /** The same record with only {@code enabled} changed, checked like any other write; its secrets are kept as they are. */
    public TenantConfig withEnabled(String tenant, TenantConfig current, boolean enabled) {
        return build(tenant, current, TenantChange.enabledOnly(enabled), null);
    }

    /** Checks a tenant name before anything is read or written; returns it. */
    public String requireName(String tenant) {
        TenantConfigRules.tenantName(tenant).ifPresent(violation -> {
            throw new TenantChangeRefused(names.of(Field.TENANT) + ": " + violation.text());
        });
        return tenant;
    }

    /** Checks the values the change gives, alone, before the current record is read. */
    public void requireValidChange(TenantChange change) {
        List<String> problems = new ArrayList<>();
        if (change.serverUrl() != null) given(problems, Field.SERVER_URL, TenantConfigRules.serverUrl(change.serverUrl()));
        given(problems, Field.USERNAME, TenantConfigRules.username(change.username()));
        given(problems, Field.PASSWORD, TenantConfigRules.password(change.password()));
        given(problems, Field.MAX_IN_FLIGHT, TenantConfigRules.maxInFlight(change.maxInFlight()));
        given(problems, Field.MAX_REQUESTS_PER_SECOND, TenantConfigRules.maxRequestsPerSecond(change.maxRequestsPerSecond()));
        given(problems, Field.CA_CERTIFICATES, TenantMaterialRules.caCertificates(change.caCertificates()));
        given(problems, Field.CLIENT_CERTIFICATE, TenantMaterialRules.clientCertificate(change.clientCertificate()));
        given(problems, Field.CLIENT_KEY, TenantMaterialRules.clientKey(change.clientKey()));
        given(problems, Field.SIGNING_SECRET, TenantMaterialRules.signingSecret(change.signingSecret()));
        if (!problems.isEmpty()) {
            throw new TenantChangeRefused(problems);
        }
    }

    private void given(List<String> problems, Field field, Optional<Violation> violation) {
        violation.ifPresent(v -> problems.add(names.of(field) + ": " + v.text()));
    }

    private void requireValid(String tenant, TenantConfig config, TenantChange change) {
        List<String> problems = new ArrayList<>();
        for (Violation violation : TenantConfigRules.check(tenant, config)) {
            if (violation.rule() == Rule.PAIR) {
                problems.add(names.of(Field.CLIENT_CERTIFICATE) + " and " + names.of(Field.CLIENT_KEY)
                        + ": go together (mTLS), set both or neither");
            } else {
                problems.add(nameOf(violation.field(), change) + ": " + violation.text());
            }
        }
        if (!problems.isEmpty()) {
            throw new TenantChangeRefused(problems);
        }
    }

    /** The writer's name of a field the change gives, or the record field when the value was kept from the current record. */
    private String nameOf(Field field, TenantChange change) {
        if (field == Field.TENANT) return names.of(Field.TENANT);
        return givenValues(change).get(field) != null ? names.of(field) : field.recordName() + " (kept from the current record)";
    }

    private static Map<Field, Object> givenValues(TenantChange change) {
        Map<Field, Object> given = new EnumMap<>(Field.class);
        given.put(Field.SERVER_URL, change.serverUrl());
        given.put(Field.USERNAME, change.username());
        given.put(Field.PASSWORD, change.password());
        given.put(Field.MAX_IN_FLIGHT, change.maxInFlight());
        given.put(Field.MAX_REQUESTS_PER_SECOND, change.maxRequestsPerSecond());
        given.put(Field.CA_CERTIFICATES, change.caCertificates());
        given.put(Field.CLIENT_CERTIFICATE, change.clientCertificate());
        given.put(Field.CLIENT_KEY, change.clientKey());
        given.put(Field.SIGNING_SECRET, change.signingSecret());
        return given;
    }

    private static Secret sealedIfGiven(SecretSealer sealer, String tenant, String field, String given, Secret merged) {
        if (given == null) return merged;
        if (sealer == null) throw new IllegalStateException(field + ": given without a way to seal it");
        return sealer.seal(tenant, field, given);
    }

    private static <T> T kept(TenantChange change, String recordField, T given, T current) {
        if (given != null) return given;
        return change.removes(recordField) ? null : current;
    }

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }
}
