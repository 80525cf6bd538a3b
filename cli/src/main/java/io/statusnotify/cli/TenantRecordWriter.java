package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules;
import io.statusnotify.schema.TenantMaterialRules;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Rule;
import io.statusnotify.schema.TenantConfigRules.Violation;
import io.statusnotify.secrets.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        TenantConfigRules.tenantName(tenant).ifPresent(violation -> {
            throw OpsFailure.usage("NAME: " + violation.text());
        });
        return tenant;
    }

    /** Checks the values given on the command line alone, before Kafka is asked for the current record. */
    static void requireValidChange(TenantChange change) {
        List<String> problems = new ArrayList<>();
        if (change.serverUrl() != null) given(problems, "--url", TenantConfigRules.serverUrl(change.serverUrl()));
        given(problems, "--username", TenantConfigRules.username(change.username()));
        given(problems, "password", TenantConfigRules.password(change.password()));
        given(problems, "--max-in-flight", TenantConfigRules.maxInFlight(change.maxInFlight()));
        given(problems, "--max-requests-per-second", TenantConfigRules.maxRequestsPerSecond(change.maxRequestsPerSecond()));
        given(problems, "--ca-file", TenantMaterialRules.caCertificates(change.caCertificates()));
        given(problems, "--client-cert-file", TenantMaterialRules.clientCertificate(change.clientCertificate()));
        given(problems, "--client-key-file", TenantMaterialRules.clientKey(change.clientKey()));
        given(problems, "--signing-secret-file", TenantMaterialRules.signingSecret(change.signingSecret()));
        if (!problems.isEmpty()) {
            throw OpsFailure.usage(String.join("; ", problems));
        }
    }

    private static void given(List<String> problems, String option, Optional<Violation> violation) {
        violation.ifPresent(v -> problems.add(option + ": " + v.text()));
    }

    private static void requireValid(String tenant, TenantConfig config, TenantChange change) {
        List<String> problems = new ArrayList<>();
        for (Violation violation : TenantConfigRules.check(tenant, config)) {
            if (violation.rule() == Rule.PAIR) {
                problems.add("--client-cert-file and --client-key-file: go together (mTLS), set both or neither");
            } else {
                problems.add(nameOf(violation.field(), change) + ": " + violation.text());
            }
        }
        if (!problems.isEmpty()) {
            throw OpsFailure.usage(problems.stream().collect(Collectors.joining("; ")));
        }
    }

    /** The option the user gave, or the record field when the value was kept from the current record. */
    private static String nameOf(Field field, TenantChange change) {
        if (field == Field.TENANT) return "NAME";
        String option = switch (field) {
            case SERVER_URL -> given("--url", change.serverUrl());
            case USERNAME -> given("--username", change.username());
            case PASSWORD -> given("password", change.password());
            case MAX_IN_FLIGHT -> given("--max-in-flight", change.maxInFlight());
            case MAX_REQUESTS_PER_SECOND -> given("--max-requests-per-second", change.maxRequestsPerSecond());
            case CA_CERTIFICATES -> given("--ca-file", change.caCertificates());
            case CLIENT_CERTIFICATE -> given("--client-cert-file", change.clientCertificate());
            case CLIENT_KEY -> given("--client-key-file", change.clientKey());
            case SIGNING_SECRET -> given("--signing-secret-file", change.signingSecret());
            default -> null;
        };
        return option != null ? option : field.recordName() + " (kept from the current record)";
    }

    private static String given(String option, Object value) {
        return value == null ? null : option;
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
