package io.statusnotify.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How the tenant config store keeps an already parsed {@link ConfigEntry}, invalid ones included, so a lookup never
 * parses the topic's raw record again (nor logs its problem again).
 */
final class ConfigEntrySerde implements Serde<ConfigEntry> {

    record Stored(@JsonProperty("kind") String kind,
                  @JsonProperty("key") String key,
                  @JsonProperty("tenant") TenantConfig tenant,
                  @JsonProperty("global") GlobalSettings global,
                  @JsonProperty("reason") String reason) {
    }

    @Override
    public Serializer<ConfigEntry> serializer() {
        return (topic, entry) -> entry == null ? null : Json.write(toStored(entry));
    }

    @Override
    public Deserializer<ConfigEntry> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromStored(Json.read(bytes, Stored.class));
    }

    private static Stored toStored(ConfigEntry entry) {
        if (entry instanceof ConfigEntry.Tenant tenant) {
            return new Stored("tenant", tenant.name(), tenant.config(), null, null);
        }
        if (entry instanceof ConfigEntry.Global global) {
            return new Stored("global", GlobalSettings.KEY, null, global.settings(), null);
        }
        ConfigEntry.Invalid invalid = (ConfigEntry.Invalid) entry;
        return new Stored("invalid", invalid.key(), null, null, invalid.reason());
    }

    private static ConfigEntry fromStored(Stored stored) {
        return switch (stored.kind()) {
            case "tenant" -> new ConfigEntry.Tenant(stored.key(), stored.tenant());
            case "global" -> new ConfigEntry.Global(stored.global());
            default -> new ConfigEntry.Invalid(stored.key(), stored.reason());
        };
    }
}
