package io.statusnotify.secrets;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretKeysTest {
    private static final String KEY = SecretKeys.generateLine("x").substring(2);

    @Test
    void keysComeFromTheFileAndTheVariableAndTheLastListedSealsByDefault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "# old keys stay so old records open\n" + SecretKeys.generateLine("k1") + "\n\n"
                + SecretKeys.generateLine("k2") + "\n");

        SecretKeys fromFile = SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS_FILE, file.toString())));
        SecretKeys both = SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS_FILE, file.toString(), SecretKeys.KEYS, "k3:" + KEY)));
        SecretKeys chosen = SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS_FILE, file.toString(), SecretKeys.KEY_ID, "k1")));

        assertThat(fromFile.sealingKeyId()).contains("k2");
        assertThat(both.sealingKeyId()).contains("k3");
        assertThat(chosen.sealingKeyId()).contains("k1");
        assertThat(both.toString()).isEqualTo("SecretKeys[ids=[k1, k2, k3], sealingKeyId=k3]");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedNamingTheKeyIdAndNotTheKey() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:" + short16))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNS_SECRET_KEYS: key 'k1' must be 32 bytes (AES-256), was 16");
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedNamingTheKeyId() {
        assertThatThrownBy(() -> SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:not*base64!"))))
                .hasMessage("SNS_SECRET_KEYS: key 'k1' is not base64").hasMessageNotContaining("not*base64");
    }

    @Test
    void anEntryWithoutAnIdIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, KEY))))
                .hasMessageStartingWith("SNS_SECRET_KEYS: every entry must be keyId:base64").hasMessageNotContaining(KEY);
    }

    @Test
    void anUnknownSealingKeyIdIsRefusedNamingIt() {
        assertThatThrownBy(() -> SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:" + KEY, SecretKeys.KEY_ID, "k9"))))
                .hasMessage("SNS_SECRET_KEY_ID: no key with id 'k9' in SNS_SECRET_KEYS or SNS_SECRET_KEYS_FILE");
    }

    @Test
    void oneIdWithTwoDifferentKeysIsRefused() {
        assertThatThrownBy(() -> SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS,
                "k1:" + KEY + ",k1:" + SecretKeys.generateLine("k").substring(2)))))
                .hasMessage("SNS_SECRET_KEYS: key id 'k1' is listed twice with different keys");
    }

    @Test
    void noKeysMakeAnEmptyRing() {
        SecretKeys none = SecretKeys.from(Settings.of(Map.of()));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.sealingKeyId()).isEmpty();
    }
}
