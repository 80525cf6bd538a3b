package io.statusnotify.streams;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigEntrySerdeTest {
    private final ConfigEntrySerde serde = new ConfigEntrySerde();

    private ConfigEntry roundTrip(ConfigEntry entry) {
        return serde.deserializer().deserialize("store", serde.serializer().serialize("store", entry));
    }

    @Test
    void everyKindOfEntrySurvivesTheStore() {
        ConfigEntry tenant = new ConfigEntry.Tenant("acme", new TenantConfig(true, "https://h/acme", "u", "p"));
        ConfigEntry global = new ConfigEntry.Global(new GlobalSettings(false));
        ConfigEntry invalid = new ConfigEntry.Invalid("initech", "not valid JSON");

        assertThat(roundTrip(tenant)).isEqualTo(tenant);
        assertThat(roundTrip(global)).isEqualTo(global);
        assertThat(roundTrip(invalid)).isEqualTo(invalid);
    }

    @Test
    void absentEntryStaysAbsent() {
        assertThat(serde.serializer().serialize("store", null)).isNull();
        assertThat(serde.deserializer().deserialize("store", null)).isNull();
    }
}
