package io.statusnotify.tenants;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config topic's latest record of every key, parsed: the tenants' configs, the records another tool wrote that
 * cannot be used (kept as {@link ConfigEntry.Invalid}, with why), and the global switch (null without a usable one).
 */
public record ConfigSnapshot(Map<String, TenantConfig> tenants, List<ConfigEntry.Invalid> unusable, GlobalSettings global) {

    /** {@code latest}: each key's latest value, as {@link LatestConfigRecords} reads them. */
    public static ConfigSnapshot of(Map<String, byte[]> latest) {
        Map<String, TenantConfig> tenants = new LinkedHashMap<>();
        List<ConfigEntry.Invalid> unusable = new ArrayList<>();
        GlobalSettings global = null;
        for (Map.Entry<String, byte[]> record : latest.entrySet()) {
            ConfigEntry entry = ConfigEntry.parse(record.getKey(), record.getValue());
            if (entry instanceof ConfigEntry.Tenant tenant) {
                tenants.put(tenant.name(), tenant.config());
            } else if (entry instanceof ConfigEntry.Global g) {
                global = g.settings();
            } else if (entry instanceof ConfigEntry.Invalid invalid) {
                unusable.add(invalid);
            }
        }
        return new ConfigSnapshot(Collections.unmodifiableMap(tenants), List.copyOf(unusable), global);
    }

    /** Why the record of {@code key} cannot be used, or null when it can (or there is none). */
    public ConfigEntry.Invalid unusable(String key) {
        return unusable.stream().filter(invalid -> key.equals(invalid.key())).findFirst().orElse(null);
    }
}
