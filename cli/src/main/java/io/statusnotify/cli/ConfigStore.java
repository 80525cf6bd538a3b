package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.tenants.ConfigSnapshot;

/** The compacted tenant-config topic as the ops commands read it: to its end, committed records only. */
final class ConfigStore {
    private final KafkaClients clients;
    private final String topic;

    ConfigStore(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /** The latest record of every key, parsed; a record another tool wrote that cannot be used is kept as Invalid. */
    ConfigSnapshot read() {
        return ConfigSnapshot.of(LatestConfigRecord.latestValues(clients, topic));
    }

    /** The current config of {@code tenant}; exit 3 when it has none, exit 1 when its record cannot be used. */
    TenantConfig require(String tenant) {
        ConfigSnapshot snapshot = read();
        TenantConfig config = snapshot.tenants().get(tenant);
        if (config != null) {
            return config;
        }
        ConfigEntry.Invalid invalid = snapshot.unusable(tenant);
        if (invalid != null) {
            throw OpsFailure.failed("tenant '" + tenant + "' has an unusable record (" + invalid.reason()
                    + "); replace it with: statusnotify tenant put " + tenant + " --url URL ...");
        }
        throw OpsFailure.notFound("no tenant '" + tenant + "' on " + topic);
    }

    String topic() {
        return topic;
    }
}
