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
 * <p>
 * The store hands every lookup its stored bytes to deserialize, twice per event (the tenant's and the global
 * switch's entry), which made parsing config a tenth of the processor's time. The in-memory store returns the very
 * array it was given, so each thread remembers the entries it last made, by the identity of their bytes: a config
 * record that changes is stored as a new array and parsed once more. Entries are immutable records, safe to share.
 */
final class ConfigEntrySerde implements Serde<ConfigEntry> {
    private static final int MEMO_SLOTS = 64;
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);

    record Stored(@JsonProperty("kind") String kind,
                  @JsonProperty("key") String key,
                  @JsonProperty("tenant") TenantConfig tenant,
                  @JsonProperty("global") GlobalSettings global,
                  @JsonProperty("rule") String rule,
                  @JsonProperty("reason") String reason) {
    }

    @Override
    public Serializer<ConfigEntry> serializer() {
        return (topic, entry) -> entry == null ? null : Json.write(toStored(entry));
    }

    @Override
    public Deserializer<ConfigEntry> deserializer() {
        return (topic, bytes) -> bytes == null ? null : memo.get().entry(bytes);
    }

    /** A direct-mapped cache; it holds the arrays it keys on, so no other array can be mistaken for one of them. */
    private static final class Memo {
        private final byte[][] bytes = new byte[MEMO_SLOTS][];
        private final ConfigEntry[] entries = new ConfigEntry[MEMO_SLOTS];

        ConfigEntry entry(byte[] stored) {
            int slot = System.identityHashCode(stored) & (MEMO_SLOTS - 1);
            if (bytes[slot] != stored) {
                entries[slot] = fromStored(Json.read(stored, Stored.class));
                bytes[slot] = stored;
            }
            return entries[slot];
        }
    }

    private static Stored toStored(ConfigEntry entry) {
        if (entry instanceof ConfigEntry.Tenant tenant) {
            return new Stored("tenant", tenant.name(), tenant.config(), null, null, null);
        }
        if (entry instanceof ConfigEntry.Global global) {
            return new Stored("global", GlobalSettings.KEY, null, global.settings(), null, null);
        }
        ConfigEntry.Invalid invalid = (ConfigEntry.Invalid) entry;
        return new Stored("invalid", invalid.key(), null, null, invalid.rule(), invalid.reason());
    }

    private static ConfigEntry fromStored(Stored stored) {
        return switch (stored.kind()) {
            case "tenant" -> new ConfigEntry.Tenant(stored.key(), stored.tenant());
            case "global" -> new ConfigEntry.Global(stored.global());
            default -> new ConfigEntry.Invalid(stored.key(), stored.rule(), stored.reason());
        };
    }
}
