package io.statusnotify.cli;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKeysTest {

    @Test
    void upMakesOneOwnerOnlyKeyFileInItsDataDirectoryAndKeepsItForTheNextRun(@TempDir Path dataDir) throws IOException {
        Settings first = LocalSettings.forEmbeddedBroker(Map.of(), "localhost:9092", dataDir.resolve("data"));
        String sealedBefore = Files.readString(dataDir.resolve("data").resolve(LocalKeys.FILE_NAME));
        Settings second = LocalSettings.forEmbeddedBroker(Map.of(), "localhost:9092", dataDir.resolve("data"));

        Path file = dataDir.resolve("data").resolve(LocalKeys.FILE_NAME);
        assertThat(Files.readString(file)).isEqualTo(sealedBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var sealed = new SecretBox(SecretKeys.from(first)).seal("Default", TenantConfig.PASSWORD, "demo-pw");
        assertThat(new SecretBox(SecretKeys.from(second)).open("Default", TenantConfig.PASSWORD, sealed)).isEqualTo("demo-pw");
        assertThat(second.bool("SNS_ALLOW_CLEARTEXT_PASSWORDS", false)).isTrue();
    }

    @Test
    void keysFromTheEnvironmentWinOverTheDataDirectoryFile(@TempDir Path dataDir) {
        String key = SecretKeys.generateLine("ops").substring(4);
        Settings settings = LocalSettings.forEmbeddedBroker(Map.of(SecretKeys.KEYS, "ops:" + key,
                "SNS_ALLOW_CLEARTEXT_PASSWORDS", "false"), "localhost:9092", dataDir);

        assertThat(SecretKeys.from(settings).sealingKeyId()).contains("ops");
        assertThat(dataDir.resolve(LocalKeys.FILE_NAME)).doesNotExist();
        assertThat(settings.bool("SNS_ALLOW_CLEARTEXT_PASSWORDS", true)).isFalse();
    }
}
