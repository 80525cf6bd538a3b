package io.statusnotify.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields of a config record a change changes: the record before and after compared field by field, in their
 * JSON form (what is written; a secret sealed anew differs, one kept as it was does not). Names only, never values.
 */
public final class ChangedFields {
    private ChangedFields() {
    }

    /** {@code before} null: a new tenant, every field it has; {@code after} null: deleted, every field it had. */
    public static List<String> between(TenantConfig before, TenantConfig after) {
        return compared(before, after);
    }

    /** {@code before} null: no (usable) {@value GlobalSettings#KEY} record yet. */
    public static List<String> between(GlobalSettings before, GlobalSettings after) {
        return compared(before, after);
    }

    private static List<String> compared(Object before, Object after) {
        JsonNode was = tree(before);
        JsonNode is = tree(after);
        List<String> changed = new ArrayList<>();
        for (String field : AuditRecord.FIELD_NAMES) {
            if (!Objects.equals(was.get(field), is.get(field))) changed.add(field);
        }
        return List.copyOf(changed);
    }

    private static JsonNode tree(Object record) {
        return record == null ? MissingNode.getInstance() : Json.mapper().valueToTree(record);
    }
}
