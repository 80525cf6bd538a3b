package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the tenant record the CLI writes: the current record with the change applied, checked by
 * {@link TenantConfigRules} before anything is written. The one place a clear-text password becomes part of a
 * record, so sealing passwords (AES-GCM) goes here and nowhere else.
 */
final class TenantRecordWriter {
    private TenantRecordWriter() {
    }

    /**
     * {@code current}: the tenant's record now, null for a new tenant. Throws {@link OpsFailure} (usage) naming each
     * option (or, for a kept value, the record field) and the rule it breaks.
     */
    static TenantConfig build(String tenant, TenantConfig current, TenantChange change) {
        if (current == null && change.serverUrl() == null) {
            throw OpsFailure.usage("--url: required for a new tenant");
        }
        TenantConfig merged = new TenantConfig(
                pick(change.enabled(), current == null ? Boolean.TRUE : current.enabled()),
                pick(change.serverUrl(), current == null ? null : current.serverUrl()),
                pick(change.username(), current == null ? null : current.username()),
                pick(change.password(), current == null ? null : current.password()),
                pick(change.maxInFlight(), current == null ? null : current.maxInFlight()),
                pick(change.maxRequestsPerSecond(), current == null ? null : current.maxRequestsPerSecond()));
        requireValid(tenant, merged, change);
        return merged;
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
        List<String> problems = new java.util.ArrayList<>();
        if (change.serverUrl() != null) {
            TenantConfigRules.serverUrl(change.serverUrl()).ifPresent(rule -> problems.add("--url: " + rule));
        }
        TenantConfigRules.username(change.username()).ifPresent(rule -> problems.add("--username: " + rule));
        TenantConfigRules.password(change.password()).ifPresent(rule -> problems.add("password: " + rule));
        TenantConfigRules.maxInFlight(change.maxInFlight()).ifPresent(rule -> problems.add("--max-in-flight: " + rule));
        TenantConfigRules.maxRequestsPerSecond(change.maxRequestsPerSecond())
                .ifPresent(rule -> problems.add("--max-requests-per-second: " + rule));
        if (!problems.isEmpty()) {
            throw OpsFailure.usage(String.join("; ", problems));
        }
    }

    /** The same record with only {@code enabled} changed, checked like any other write. */
    static TenantConfig withEnabled(String tenant, TenantConfig current, boolean enabled) {
        return build(tenant, current, new TenantChange(null, null, null, enabled, null, null));
    }

    private static void requireValid(String tenant, TenantConfig config, TenantChange change) {
        List<Violation> violations = TenantConfigRules.check(tenant, config);
        if (!violations.isEmpty()) {
            throw OpsFailure.usage(violations.stream().map(v -> nameOf(v.field(), change) + ": " + v.rule())
                    .collect(Collectors.joining("; ")));
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

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }
}
