package io.statusnotify.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sink's own current picture of {@code sns.tenant-config}: written by one follower thread, read at send time
 * by the delivery thread. Unusable records are logged once and ignored, so a tenant keeps its last good config.
 */
final class TenantConfigView {
    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigView.class);

    private final Map<String, TenantConfig> tenants = new ConcurrentHashMap<>();
    private final boolean allowByDefault;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile GlobalSettings global; // null: no __global__ record

    TenantConfigView(boolean allowByDefault) {
        this.allowByDefault = allowByDefault;
    }

    /** Applies one record of the config topic; a null value is a tombstone. */
    void apply(String key, byte[] value) {
        if (value == null) {
            if (GlobalSettings.KEY.equals(key)) {
                global = null;
            } else if (key != null) {
                tenants.remove(key);
            }
            return;
        }
        ConfigEntry entry = ConfigEntry.parse(key, value);
        if (entry instanceof ConfigEntry.Tenant tenant) {
            tenants.put(tenant.name(), tenant.config());
        } else if (entry instanceof ConfigEntry.Global g) {
            global = g.settings();
        } else if (entry instanceof ConfigEntry.Invalid invalid) {
            LOG.warn("Ignoring unusable config record for key '{}' (keeping its previous value): {}",
                    invalid.key(), withoutPassword(invalid.reason(), value));
        }
    }

    Route route(String tenant) {
        GlobalSettings current = global;
        boolean allowed = current == null ? allowByDefault : current.allowTenantConfig();
        if (!allowed) return new Route.Drop(Route.GLOBAL_SWITCH_OFF);
        TenantConfig config = tenant == null ? null : tenants.get(tenant);
        if (config == null) return new Route.Drop(Route.UNKNOWN_TENANT);
        if (!config.enabled()) return new Route.Drop(Route.TENANT_DISABLED);
        return new Route.Send(config);
    }

    void markCaughtUp() {
        caughtUp.countDown();
    }

    boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Parser messages can quote the offending input: mask the record's password if it has one, and keep only the
     * parser's verdict for input that is not JSON at all (its quoted token could be anything).
     */
    static String withoutPassword(String reason, byte[] value) {
        if (reason == null) return "unusable";
        if (reason.startsWith("not valid JSON") || reason.startsWith("unreadable")) return "not valid JSON";
        try {
            JsonNode password = Json.mapper().readTree(value).path("password");
            return password.isValueNode() ? SafeUrl.scrub(reason, password.asText()) : reason;
        } catch (Exception e) {
            return "not valid JSON";
        }
    }
}
