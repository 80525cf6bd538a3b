package io.statusnotify.tenants;

import io.statusnotify.schema.TenantConfigRules.Field;

/**
 * What a writer calls the fields of a change in its refusals: the CLI its options ({@code --url}), the console its
 * form's fields. {@link Field#TENANT} is the tenant's name as the writer asks for it ({@code NAME}).
 */
@FunctionalInterface
public interface TenantFieldNames {
    /** The record's own names ({@code serverUrl}, {@code tenant}). */
    TenantFieldNames RECORD = Field::recordName;

    String of(Field field);
}
