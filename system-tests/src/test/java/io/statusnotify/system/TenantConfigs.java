package io.statusnotify.system;

import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;

import java.nio.charset.StandardCharsets;

/** Values for the tenant config topic, as the portal's admin pages would write them. */
final class TenantConfigs {
    static final String GLOBAL_KEY = GlobalSettings.KEY;

    private TenantConfigs() {
    }

    static String enabled(String serverUrl, String username, String password) {
        return json(new TenantConfig(true, serverUrl, username, password));
    }

    static String disabled(String serverUrl, String username, String password) {
        return json(new TenantConfig(false, serverUrl, username, password));
    }

    static String global(boolean allowTenantConfig) {
        return "{\"allowTenantConfig\":" + allowTenantConfig + "}";
    }

    private static String json(TenantConfig config) {
        return new String(Json.write(config), StandardCharsets.UTF_8);
    }
}
