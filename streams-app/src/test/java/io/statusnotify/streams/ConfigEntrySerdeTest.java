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

    @Test
    void givenTheSameStoredBytesWhenReadAgainThenTheEntryIsNotParsedAgain() {
        byte[] stored = serde.serializer().serialize("store", new ConfigEntry.Global(new GlobalSettings(true)));

        ConfigEntry first = serde.deserializer().deserialize("store", stored);
        ConfigEntry again = serde.deserializer().deserialize("store", stored);

        assertThat(again).isSameAs(first);
    }

    @Test
    void givenAChangedRecordWhenReadThenTheNewEntryIsReturned() {
        byte[] before = serde.serializer().serialize("store", new ConfigEntry.Global(new GlobalSettings(true)));
        byte[] after = serde.serializer().serialize("store", new ConfigEntry.Global(new GlobalSettings(false)));
        serde.deserializer().deserialize("store", before);

        ConfigEntry read = serde.deserializer().deserialize("store", after);

        assertThat(read).isEqualTo(new ConfigEntry.Global(new GlobalSettings(false)));
        assertThat(serde.deserializer().deserialize("store", before))
                .isEqualTo(new ConfigEntry.Global(new GlobalSettings(true)));
    }
}
