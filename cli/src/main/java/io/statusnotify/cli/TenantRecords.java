package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.tenants.SecretSealer;
import io.statusnotify.tenants.TenantChange;
import io.statusnotify.tenants.TenantChangeRefused;
import io.statusnotify.tenants.TenantRecordBuilder;

import java.util.function.Supplier;

/**
 * The tenant records the CLI writes, built by the shared {@link TenantRecordBuilder}: its refusals name the options
 * the user gave ({@code --url}, {@code NAME}) and end the command as a usage error.
 */
final class TenantRecords {
    private static final TenantRecordBuilder BUILDER = new TenantRecordBuilder(TenantRecords::option);

    private TenantRecords() {
    }

    static TenantConfig build(String tenant, TenantConfig current, TenantChange change, SecretSealer sealer) {
        return usage(() -> BUILDER.build(tenant, current, change, sealer));
    }

    static TenantConfig withEnabled(String tenant, TenantConfig current, boolean enabled) {
        return usage(() -> BUILDER.withEnabled(tenant, current, enabled));
    }

    /** Checks a tenant name given on the command line before anything is read or written. */
    static String requireName(String tenant) {
        return usage(() -> BUILDER.requireName(tenant));
    }

    /** Checks the values given on the command line alone, before Kafka is asked for the current record. */
    static void requireValidChange(TenantChange change) {
        usage(() -> {
            BUILDER.requireValidChange(change);
            return null;
        });
    }

    private static <T> T usage(Supplier<T> building) {
        try {
            return building.get();
        } catch (TenantChangeRefused e) {
            throw OpsFailure.usage(e.getMessage());
        }
    }

    /** The option that gives a field (the password comes from a file or standard input: just "password"). */
    private static String option(Field field) {
        return switch (field) {
            case TENANT -> "NAME";
            case SERVER_URL -> "--url";
            case USERNAME -> "--username";
            case MAX_IN_FLIGHT -> "--max-in-flight";
            case MAX_REQUESTS_PER_SECOND -> "--max-requests-per-second";
            case CA_CERTIFICATES -> "--ca-file";
            case CLIENT_CERTIFICATE -> "--client-cert-file";
            case CLIENT_KEY -> "--client-key-file";
            case SIGNING_SECRET -> "--signing-secret-file";
            default -> field.recordName();
        };
    }
}
