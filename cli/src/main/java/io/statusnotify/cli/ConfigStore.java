package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compacted tenant-config topic as the ops commands see it: read to its end, written with acknowledgement. */
final class ConfigStore {
    private final KafkaClients clients;
    private final String topic;

    ConfigStore(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /** The latest record of every key, parsed; a record another tool wrote that cannot be used is kept as Invalid. */
    record Snapshot(Map<String, TenantConfig> tenants, List<ConfigEntry.Invalid> unusable, GlobalSettings global) {
        ConfigEntry.Invalid unusable(String key) {
            return unusable.stream().filter(invalid -> key.equals(invalid.key())).findFirst().orElse(null);
        }
    }

    Snapshot read() {
        Map<String, TenantConfig> tenants = new LinkedHashMap<>();
        List<ConfigEntry.Invalid> unusable = new ArrayList<>();
        GlobalSettings global = null;
        for (Map.Entry<String, byte[]> record : LatestConfigRecord.latestValues(clients, topic).entrySet()) {
            ConfigEntry entry = ConfigEntry.parse(record.getKey(), record.getValue());
            if (entry instanceof ConfigEntry.Tenant tenant) {
                tenants.put(tenant.name(), tenant.config());
            } else if (entry instanceof ConfigEntry.Global g) {
                global = g.settings();
            } else if (entry instanceof ConfigEntry.Invalid invalid) {
                unusable.add(invalid);
            }
        }
        return new Snapshot(tenants, unusable, global);
    }

    /** The current config of {@code tenant}; exit 3 when it has none, exit 1 when its record cannot be used. */
    TenantConfig require(String tenant) {
        Snapshot snapshot = read();
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

    void writeTenant(String tenant, TenantConfig config) {
        write(tenant, Json.write(config));
    }

    void writeGlobal(GlobalSettings settings) {
        write(GlobalSettings.KEY, Json.write(settings));
    }

    /** A tombstone: compaction removes the key, the apps forget the tenant. */
    void delete(String tenant) {
        write(tenant, null);
    }

    String topic() {
        return topic;
    }

    private void write(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = clients.producer()) {
            clients.sendAndWait(producer, new ProducerRecord<>(topic, key, value));
        }
    }
}
