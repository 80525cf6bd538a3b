package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Violation;
import io.statusnotify.secrets.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the tenant record the CLI writes: the current record (every field of it) with the change applied, checked by
 * {@link TenantConfigRules} before anything is written. The one place a clear-text secret becomes part of a record:
 * it is checked in clear, then sealed by the {@link SecretSealer}.
 */
final class TenantRecordWriter {
    private TenantRecordWriter() {
    }

    /**
     * {@code current}: the tenant's record now, null for a new tenant. Throws {@link OpsFailure} (usage) naming each
     * option (or, for a kept value, the record field) and the rule it breaks. {@code sealer} may be null when the
     * change gives no secret.
     */
    static TenantConfig build(String tenant, TenantConfig current, TenantChange change, SecretSealer sealer) {
        if (current == null && change.serverUrl() == null) {
            throw OpsFailure.usage("--url: required for a new tenant");
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
    static TenantConfig withEnabled(String tenant, TenantConfig current, boolean enabled) {
        return build(tenant, current, TenantChange.enabledOnly(enabled), null);
    }

    /** Checks a tenant name given on the command line before anything is read or written. */
    static String requireName(String tenant) {
        TenantConfigRules.tenantName(tenant).ifPresent(rule -> {
            throw OpsFailure.usage("NAME: " + rule);
        });
        return tenant;
    }

    /** Checks the values given on the command line alone, before Kafka is asked for the current record. */
    static void requireValidChange(TenantChange change) {
        List<String> problems = new ArrayList<>();
        if (change.serverUrl() != null) {
            TenantConfigRules.serverUrl(change.serverUrl()).ifPresent(rule -> problems.add("--url: " + rule));
        }
        TenantConfigRules.username(change.username()).ifPresent(rule -> problems.add("--username: " + rule));
        TenantConfigRules.password(change.password()).ifPresent(rule -> problems.add("password: " + rule));
        TenantConfigRules.maxInFlight(change.maxInFlight()).ifPresent(rule -> problems.add("--max-in-flight: " + rule));
        TenantConfigRules.maxRequestsPerSecond(change.maxRequestsPerSecond())
                .ifPresent(rule -> problems.add("--max-requests-per-second: " + rule));
        problems.addAll(TenantMaterialRules.check(change));
        if (!problems.isEmpty()) {
            throw OpsFailure.usage(String.join("; ", problems));
        }
    }

    private static void requireValid(String tenant, TenantConfig config, TenantChange change) {
        List<String> problems = new ArrayList<>();
        for (Violation violation : TenantConfigRules.check(tenant, config)) {
            problems.add(nameOf(violation.field(), change) + ": " + violation.rule());
        }
        if ((config.clientCertificate() == null) != (config.clientKey() == null)) {
            problems.add("--client-cert-file and --client-key-file: go together (mTLS), set both or neither");
        }
        if (!problems.isEmpty()) {
            throw OpsFailure.usage(problems.stream().collect(Collectors.joining("; ")));
        }
    }

    /** The option the user gave, or the record field when the value was kept from the current record. */
    private static String nameOf(Field field, TenantChange change) {
        Object given = switch (field) {
            case TENANT -> "";
            case SERVER_URL -> change.serverUrl();
            case USERNAME -> change.username();
            case PASSWORD -> change.password();
            case MAX_IN_FLIGHT -> change.maxInFlight();
            case MAX_REQUESTS_PER_SECOND -> change.maxRequestsPerSecond();
        };
        if (given == null) {
            return field.recordName() + " (kept from the current record)";
        }
        return switch (field) {
            case TENANT -> "NAME";
            case SERVER_URL -> "--url";
            case USERNAME -> "--username";
            case PASSWORD -> "password";
            case MAX_IN_FLIGHT -> "--max-in-flight";
            case MAX_REQUESTS_PER_SECOND -> "--max-requests-per-second";
        };
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
