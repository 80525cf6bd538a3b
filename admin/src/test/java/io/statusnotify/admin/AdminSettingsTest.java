package io.statusnotify.admin;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.statusnotify.admin.access.Passwords;
import io.statusnotify.admin.access.Role;
import io.statusnotify.admin.access.WebConfig;
import io.statusnotify.admin.access.WebConfigFile;
import io.statusnotify.admin.access.WebUser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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

    @Test
    void givenAUsersFileItIsReadOnceAtStart(@TempDir Path dir) {
        Path file = dir.resolve("web.config.yml");
        WebConfigFile.write(file, WebConfig.empty().with(new WebUser("ops", Role.SUPER_ADMIN, Set.of()), Passwords.hash("pw")));

        AdminSettings settings = AdminSettings.from(Settings.of(Map.of("SNS_WEB_CONFIG", file.toString())),
                AdminSettings.SINK_DEFAULT_PORT);

        assertThat(settings.users()).hasValueSatisfying(users -> assertThat(users.users()).containsOnlyKeys("ops"));
    }

    @Test
    void givenAUsersFileThatCannotBeReadTheMessageNamesTheSettingAndTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("web.config.yml"), "basic_auth_users: [not, a, mapping]\n");

        assertThatThrownBy(() -> AdminSettings.from(Settings.of(Map.of("SNS_WEB_CONFIG", file.toString())),
                AdminSettings.SINK_DEFAULT_PORT))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("SNS_WEB_CONFIG: " + file);
    }

    @Test
    void givenAUsersFileWithoutUsersTheStartIsRefusedSayingHowToAddOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("web.config.yml"), "basic_auth_users: {}\n");

        assertThatThrownBy(() -> AdminSettings.from(Settings.of(Map.of("SNS_WEB_CONFIG", file.toString())),
                AdminSettings.SINK_DEFAULT_PORT))
                .isInstanceOf(SettingsException.class).hasMessageContaining("no users")
                .hasMessageContaining("statusnotify console users add");
    }
}
