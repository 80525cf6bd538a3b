package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One change of {@code sns.tenant-config}, as its writer (the CLI, the console) records it on {@code sns.audit} in the
 * same Kafka transaction as the config record; key: the tenant name, or {@value GlobalSettings#KEY}. Names the
 * fields that changed, never a value: {@code changedFields} can only hold the field names of the config records.
 *
 * @param at            when, ISO-8601 in UTC ({@code 2025-11-25T14:00:00.042Z})
 * @param actor         who: the console's user, or the OS user that ran the CLI
 * @param via           {@value #CONSOLE} or {@value #CLI}
 * @param tenant        the tenant, null for the {@value GlobalSettings#KEY} record
 * @param action        {@value #PUT}, {@value #DELETE}, {@value #ENABLE}, {@value #DISABLE}, {@value #REKEY} or
 *                      {@value #GLOBAL_SET}
 * @param changedFields the record fields whose value differs between the record before and after, in record order
 */
@JsonPropertyOrder({"at", "actor", "via", "tenant", "action", "changedFields"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRecord(
        @JsonProperty("at") String at,
        @JsonProperty("actor") String actor,
        @JsonProperty("via") String via,
        @JsonProperty("tenant") String tenant,
        @JsonProperty("action") String action,
        @JsonProperty("changedFields") List<String> changedFields) {

    public static final String CONSOLE = "console";
    public static final String CLI = "cli";
    public static final List<String> VIAS = List.of(CONSOLE, CLI);

    public static final String PUT = "put";
    public static final String DELETE = "delete";
    public static final String ENABLE = "enable";
    public static final String DISABLE = "disable";
    public static final String REKEY = "rekey";
    public static final String GLOBAL_SET = "global-set";
    public static final List<String> ACTIONS = List.of(PUT, DELETE, ENABLE, DISABLE, REKEY, GLOBAL_SET);

    public static final int MAX_ACTOR_LENGTH = 256;

    /** What {@code changedFields} may name: the fields of a tenant record, then the global switch's. */
    public static final List<String> FIELD_NAMES = fieldNames();

    public AuditRecord {
        require(at != null && isUtcInstant(at), "at", "must be an ISO-8601 time in UTC (…Z)");
        require(actor != null && !actor.isBlank() && actor.length() <= MAX_ACTOR_LENGTH, "actor",
                "must be 1-" + MAX_ACTOR_LENGTH + " characters, not blank");
        require(VIAS.contains(via), "via", "must be one of " + VIAS);
        require(ACTIONS.contains(action), "action", "must be one of " + ACTIONS);
        require(changedFields != null, "changedFields", "must be a list (empty when nothing changed)");
        for (String field : changedFields) {
            // A name only: a value (a secret) can never take the place of a field name.
            require(FIELD_NAMES.contains(field), "changedFields", "must name fields of the config records");
        }
        require(Set.copyOf(changedFields).size() == changedFields.size(), "changedFields", "must name each field once");
        changedFields = List.copyOf(changedFields);
    }

    /** The record of a change of {@code key} ({@value GlobalSettings#KEY} or a tenant name), {@code at} to the millisecond. */
    public static AuditRecord of(Instant at, String actor, String via, String key, String action, List<String> changedFields) {
        return new AuditRecord(DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS)), actor, via,
                GlobalSettings.KEY.equals(key) ? null : key, action, changedFields);
    }

    /** The record key on {@code sns.audit}: the tenant, or {@value GlobalSettings#KEY}. */
    public String key() {
        return tenant == null ? GlobalSettings.KEY : tenant;
    }

    private static boolean isUtcInstant(String text) {
        if (!text.endsWith("Z")) return false;
        try {
            DateTimeFormatter.ISO_INSTANT.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void require(boolean holds, String field, String rule) {
        // The rule only, never the value: it is the caller's input.
        if (!holds) throw new IllegalArgumentException("audit record: " + field + ": " + rule);
    }

    private static List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of(TenantConfig.class.getAnnotation(JsonPropertyOrder.class).value()));
        names.add("allowTenantConfig");
        return List.copyOf(names);
    }
}
