package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The record under the reserved key {@value #KEY} on {@code sns.tenant-config}: the seed's Super Admin switch
 * "Allow Tenant Admin to configure Status Notification Service". When false, no tenant gets anything.
 */
public record GlobalSettings(@JsonProperty("allowTenantConfig") boolean allowTenantConfig) {
    public static final String KEY = "__global__";
}
