package io.statusnotify.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Rule;
import io.statusnotify.schema.TenantConfigRules.Violation;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One record of {@code sns.tenant-config}, read by key: a tenant's config, the global switch, or a value that
 * cannot be used (kept with the rule it breaks and why, so a bad write by another tool never stops the readers).
 */
public sealed interface ConfigEntry {

    record Tenant(String name, TenantConfig config) implements ConfigEntry {
    }

    record Global(GlobalSettings settings) implements ConfigEntry {
    }

    /** {@code rule}: the code of the (first) rule broken, e.g. {@code password.length}; {@code reason}: every one, in words. */
    record Invalid(String key, String rule, String reason) implements ConfigEntry {
        /** A record that cannot be read at all. */
        public Invalid(String key, String reason) {
            this(key, Field.RECORD.recordName() + "." + Rule.TYPE.code(), reason);
        }

        public static Invalid of(String key, List<Violation> violations) {
            return new Invalid(key, violations.get(0).code(),
                    violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * Parses a non-null value and checks it with {@link TenantConfigRules}; never throws. An {@link Invalid} reason
     * never holds the record's secrets.
     */
    static ConfigEntry parse(String key, byte[] value) {
        try {
            if (GlobalSettings.KEY.equals(key)) {
                return new Global(Json.read(value, GlobalSettings.class));
            }
            Optional<Violation> name = TenantConfigRules.tenantName(key);
            if (name.isPresent()) return Invalid.of(key, List.of(name.get()));
            TenantConfig config = Json.read(value, TenantConfig.class);
            List<Violation> violations = TenantConfigRules.check(null, config);
            return violations.isEmpty() ? new Tenant(key, config) : Invalid.of(key, violations);
        } catch (BadRecordException e) {
            return unreadable(key, e, value);
        }
    }

    /** The field that could not be read breaks its type rule, or for a secret its envelope's form. */
    private static Invalid unreadable(String key, BadRecordException e, byte[] value) {
        Field field = e.field() == null ? Field.RECORD : Field.byRecordName(e.field());
        Rule rule = TenantConfig.SECRET_FIELDS.contains(field.recordName()) ? Rule.ENVELOPE : Rule.TYPE;
        return new Invalid(key, field.recordName() + "." + rule.code(), withoutSecrets(e.getMessage(), value));
    }

    /**
     * Parser messages can quote the offending input: mask the record's secrets if it has them, and keep only the
     * parser's verdict for input that is not JSON at all (its quoted token could be anything, a password included).
     */
    private static String withoutSecrets(String reason, byte[] value) {
        if (reason == null) return "unusable";
        if (reason.startsWith("not valid JSON") || reason.startsWith("unreadable")) return "not valid JSON";
        try {
            JsonNode record = Json.mapper().readTree(value);
            String scrubbed = reason;
            for (String field : TenantConfig.SECRET_FIELDS) {
                JsonNode secret = record.path(field);
                if (secret.isValueNode()) scrubbed = SafeText.scrub(scrubbed, secret.asText());
            }
            return scrubbed;
        } catch (IOException | RuntimeException e) {
            return "not valid JSON";
        }
    }
}
