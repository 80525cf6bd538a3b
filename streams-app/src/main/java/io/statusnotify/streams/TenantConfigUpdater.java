package io.statusnotify.streams;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.ConfigRefusals;
import io.statusnotify.schema.SafeText;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global tenant config store in step with {@code sns.tenant-config}. It runs on every record, also when
 * the store is rebuilt at start, and never throws: an exception here would stop the global thread and with it the
 * app, so a record that breaks a rule (written by another tool, say) is refused: kept as {@link ConfigEntry.Invalid},
 * which drops that tenant's events, with one warning and a count ({@link ConfigRefusals}).
 */
final class TenantConfigUpdater implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigUpdater.class);
    private final ConfigRefusals refusals;
    private KeyValueStore<String, ConfigEntry> store;

    TenantConfigUpdater(ConfigRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(NotificationTopology.CONFIG_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            LOG.warn("Ignored a tenant config record without a key (the key must be the tenant name)");
            return;
        }
        ConfigEntry previous = store.get(key);
        if (record.value() == null) {
            if (previous instanceof ConfigEntry.Invalid) {
                LOG.info("Unusable config record for '{}' deleted", SafeText.key(key));
            }
            store.delete(key);
            LOG.debug("Tenant config of '{}' deleted", SafeText.key(key));
            return;
        }
        ConfigEntry entry = ConfigEntry.parse(key, record.value());
        if (entry instanceof ConfigEntry.Invalid invalid) {
            refusals.refused(invalid);
        } else if (previous instanceof ConfigEntry.Invalid) {
            // Said at INFO: the WARN about the unusable record (also replayed at every start) is resolved.
            LOG.info("Config record for '{}' is usable again: {}", key, entry);
        } else {
            LOG.debug("Tenant config of '{}' is now {}", key, entry);
        }
        store.put(key, entry);
    }
}
