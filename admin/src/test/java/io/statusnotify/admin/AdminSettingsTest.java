package io.statusnotify.admin;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSettingsTest {
    @Test
    void givenNoAdminPortSetEachAppGetsItsOwnDefaultSoBothFitOnOneHost() {
        Settings none = Settings.of(Map.of());

        AdminSettings sink = AdminSettings.from(none, AdminSettings.SINK_DEFAULT_PORT);
        AdminSettings streams = AdminSettings.from(none, AdminSettings.STREAMS_DEFAULT_PORT);

        assertThat(sink.port()).isEqualTo(9400);
        assertThat(streams.port()).isEqualTo(9401);
        assertThat(sink.bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void givenAnAdminPortSetItWinsOverTheAppsDefault() {
        AdminSettings settings = AdminSettings.from(Settings.of(Map.of("SNS_ADMIN_PORT", "0")),
                AdminSettings.STREAMS_DEFAULT_PORT);

        assertThat(settings.enabled()).isFalse();
    }

    @Test
    void givenAPortOutOfRangeTheMessageNamesTheSetting() {
        assertThatThrownBy(() -> AdminSettings.from(Settings.of(Map.of("SNS_ADMIN_PORT", "70000")),
                AdminSettings.SINK_DEFAULT_PORT))
                .isInstanceOf(SettingsException.class).hasMessageContaining("SNS_ADMIN_PORT");
    }
}
