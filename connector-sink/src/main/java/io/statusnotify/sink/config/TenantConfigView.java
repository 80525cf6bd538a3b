package io.statusnotify.sink.config;


import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules;
import io.statusnotify.secrets.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sink's own current picture of {@code sns.tenant-config}: written by one follower thread, read at send time
 * by the delivery thread. Like the streams app, it fails closed: a tenant whose latest record breaks a rule of
 * {@link TenantConfigRules} is refused ({@link ConfigRefusals}) and gets nothing until a valid record replaces it,
 * and an unusable {@code __global__} record switches sending off (whoever wrote it may have meant "off"). Secrets are
 * opened once per record and their clear text checked by the same rules; an enabled tenant whose secrets cannot be
 * opened or used is {@link Route.Unusable} (its notifications wait, nothing is sent) until its record changes.
 */
public final class TenantConfigView {
    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigView.class);

    private final Map<String, Held> tenants = new ConcurrentHashMap<>();
    private final boolean allowByDefault;
    private final TenantSecrets secrets;
    private final ConfigRefusals refusals;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile ConfigEntry global; // null: no __global__ record
    private volatile Consumer<String> onChange = key -> { };

    public TenantConfigView(boolean allowByDefault, TenantSecrets secrets, ConfigRefusals refusals) {
        this.allowByDefault = allowByDefault;
        this.secrets = secrets;
        this.refusals = refusals;
    }

    /** Applies one record of the config topic; a null value is a tombstone. */
    public void apply(String key, byte[] value) {
        if (key == null) {
            LOG.warn("Ignoring a config record without a key (the key must be the tenant name)");
            return;
        }
        boolean isGlobal = GlobalSettings.KEY.equals(key);
        Held held = value == null ? null : opened(ConfigEntry.parse(key, value));
        ConfigEntry entry = held == null ? null : held.entry();
        Held previousHeld = isGlobal ? null : tenants.get(key);
        ConfigEntry previous = isGlobal ? global : entryOf(previousHeld);
        boolean wasUnusable = previous instanceof ConfigEntry.Invalid
                || (previousHeld != null && previousHeld.unusableCause() != null);
        if (entry instanceof ConfigEntry.Invalid invalid) {
            refusals.refused(invalid);
        } else if (wasUnusable && (held == null || held.unusableCause() == null)) {
            // The WARN above is also replayed at every start: say when it no longer holds.
            LOG.info("Config record for key '{}' is {}", SafeText.key(key), entry == null ? "deleted" : "usable again");
        }
        if (isGlobal) {
            global = entry;
        } else if (entry == null) {
            tenants.remove(key);
        } else {
            tenants.put(key, held);
        }
        onChange.accept(key);
    }

    /** A record as held: its secrets opened, or (with its secrets still closed) the cause they cannot be used. */
    private record Held(ConfigEntry entry, String unusableCause) {
    }

    private static ConfigEntry entryOf(Held held) {
        return held == null ? null : held.entry();
    }

    private Held opened(ConfigEntry entry) {
        if (!(entry instanceof ConfigEntry.Tenant tenant)) return new Held(entry, null);
        TenantConfig opened;
        try {
            opened = secrets.open(tenant.name(), tenant.config());
        } catch (SecretException e) {
            return unusable(tenant, e);
        }
        // A sealed secret was checked by its size only; opened, its clear text meets the rules like any other.
        List<TenantConfigRules.Violation> broken = TenantConfigRules.check(null, opened);
        if (!broken.isEmpty()) return new Held(ConfigEntry.Invalid.of(tenant.name(), broken), null);
        try {
            TenantSecrets.requireUsableTls(opened, tenant.config().clientKey());
        } catch (SecretException e) {
            return unusable(tenant, e);
        }
        return new Held(new ConfigEntry.Tenant(tenant.name(), opened), null);
    }

    private static Held unusable(ConfigEntry.Tenant tenant, SecretException e) {
        LOG.warn("Tenant '{}' gets nothing until its config record changes (its notifications wait): secret key id {}: {}",
                tenant.name(), e.keyId() == null ? "none" : e.keyId(), e.getMessage());
        return new Held(tenant, e.getMessage());
    }

    /** {@code listener} hears the key of every record applied from now on (on the follower's thread). */
    public void onChange(Consumer<String> listener) {
        this.onChange = listener;
    }

    public Route route(String tenant) {
        if (!globalSwitchAllows(global)) return new Route.Drop(Route.GLOBAL_SWITCH_OFF);
        Held held = tenant == null ? null : tenants.get(tenant);
        ConfigEntry entry = entryOf(held);
        if (entry instanceof ConfigEntry.Invalid) return new Route.Drop(Route.INVALID_TENANT_CONFIG);
        if (!(entry instanceof ConfigEntry.Tenant configured)) return new Route.Drop(Route.UNKNOWN_TENANT);
        TenantConfig config = configured.config();
        if (!config.enabled()) return new Route.Drop(Route.TENANT_DISABLED);
        return held.unusableCause() == null ? new Route.Send(config) : new Route.Unusable(held.unusableCause());
    }

    /** Whether the tenant has a config record now (usable or not; disabled counts). */
    public boolean hasRecord(String tenant) {
        return tenant != null && tenants.containsKey(tenant);
    }

    /** The tenants with a config record now (usable or not). */
    public Set<String> tenantNames() {
        return Set.copyOf(tenants.keySet());
    }

    private boolean globalSwitchAllows(ConfigEntry entry) {
        if (entry == null) return allowByDefault;
        return entry instanceof ConfigEntry.Global g && g.settings().allowTenantConfig();
    }

    void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
