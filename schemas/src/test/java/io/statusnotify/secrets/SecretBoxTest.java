package io.statusnotify.secrets;

import io.statusnotify.schema.BadRecordException;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    private static final String K1 = SecretKeys.generateLine("k1").substring(3);
    private static final String K2 = SecretKeys.generateLine("k2").substring(3);
    private final SecretBox box = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:" + K1 + ",k2:" + K2))));

    @Test
    void aSealedSecretOpensForItsTenantAndFieldWithTheLastListedKey() {
        Secret.Sealed sealed = box.seal("acme", "password", "pa55-wörd");

        assertThat(sealed.keyId()).isEqualTo("k2");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.data()).hasSize("pa55-wörd".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(box.open("acme", "password", sealed)).isEqualTo("pa55-wörd");
    }

    @Test
    void twoSealsOfOneValueDifferBecauseTheNonceIsRandom() {
        assertThat(box.seal("acme", "password", "same")).isNotEqualTo(box.seal("acme", "password", "same"));
    }

    @Test
    void aSealedPasswordCopiedToAnotherTenantOrFieldDoesNotOpen() {
        Secret.Sealed sealed = box.seal("acme", "password", "pa55");

        assertThatThrownBy(() -> box.open("globex", "password", sealed)).isInstanceOf(SecretException.class)
                .hasMessageContaining("key 'k2'").hasMessageContaining("another tenant or field");
        assertThatThrownBy(() -> box.open("acme", "signingSecret", sealed)).isInstanceOf(SecretException.class);
    }

    @Test
    void tamperedDataDoesNotOpenAndTheMessageNamesFieldAndKeyOnly() {
        Secret.Sealed sealed = box.seal("acme", "password", "pa55-word");
        byte[] data = sealed.data();
        data[0] ^= 1;

        assertThatThrownBy(() -> box.open("acme", "password", new Secret.Sealed("k2", sealed.nonce(), data)))
                .isInstanceOf(SecretException.class).hasMessageStartingWith("password: does not open with key 'k2'")
                .hasMessageNotContaining("pa55").hasMessageNotContaining(K2)
                .extracting(e -> ((SecretException) e).keyId()).isEqualTo("k2");
    }

    @Test
    void aSecretSealedWithAKeyNoLongerConfiguredNamesTheKeyId() {
        Secret.Sealed sealed = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "old:" + K1))))
                .seal("acme", "password", "pw");

        assertThatThrownBy(() -> box.open("acme", "password", sealed))
                .hasMessage("password: sealed with key 'old', which is not configured (SNS_SECRET_KEYS / SNS_SECRET_KEYS_FILE)");
    }

    @Test
    void aKeyRotatedOutOfSealingStillOpensWhatItSealed() {
        Secret.Sealed old = new SecretBox(SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, "k1:" + K1))))
                .seal("acme", "password", "old-pw");

        assertThat(box.open("acme", "password", old)).isEqualTo("old-pw");
    }

    @Test
    void withoutKeysSealingIsRefusedNamingTheSettings() {
        assertThatThrownBy(() -> new SecretBox(SecretKeys.none()).seal("acme", "password", "pw"))
                .hasMessageContaining("no key configured (SNS_SECRET_KEYS or SNS_SECRET_KEYS_FILE)");
    }

    @Test
    void aTenantConfigReadsBothTheClearAndTheSealedFormAndWritesThemBack() {
        Secret.Sealed sealed = box.seal("acme", "password", "pw");
        String json = "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"username\":\"u\",\"password\":"
                + "{\"sealed\":\"v1\",\"keyId\":\"k2\",\"nonce\":\"" + Base64.getEncoder().encodeToString(sealed.nonce())
                + "\",\"data\":\"" + Base64.getEncoder().encodeToString(sealed.data()) + "\"},\"signingSecret\":\"whsec_AAAA\"}";

        TenantConfig config = Json.read(json.getBytes(StandardCharsets.UTF_8), TenantConfig.class);

        assertThat(config.password()).isEqualTo(sealed);
        assertThat(config.signingSecret()).isEqualTo(new Secret.Clear("whsec_AAAA"));
        assertThat(new String(Json.write(config), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(box.open("acme", TenantConfig.PASSWORD, config.password())).isEqualTo("pw");
    }

    @Test
    void aMalformedSealedSecretIsRefusedNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> Json.read(("{\"enabled\":false,\"password\":{\"sealed\":\"v1\",\"keyId\":\"k2\","
                + "\"nonce\":\"AAAA\",\"data\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}}").getBytes(StandardCharsets.UTF_8), TenantConfig.class))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("password").hasMessageContaining("nonce must be 12 bytes");
        assertThatThrownBy(() -> Json.read("{\"enabled\":false,\"password\":{\"sealed\":\"v9\"}}".getBytes(StandardCharsets.UTF_8), TenantConfig.class))
                .hasMessageContaining("unsupported sealed version 'v9'");
        assertThatThrownBy(() -> Json.read("{\"enabled\":false,\"password\":12345678}".getBytes(StandardCharsets.UTF_8), TenantConfig.class))
                .hasMessageContaining("password").hasMessageNotContaining("12345678");
    }

    @Test
    void noFormOfASecretShowsInToString() {
        TenantConfig config = new TenantConfig(true, "https://h/x", "u", new Secret.Clear("hunter2-pw"), null, null,
                null, "PEM", box.seal("acme", "clientKey", "KEY-TEXT"), new Secret.Clear("whsec_c2VjcmV0"));

        assertThat(config.toString()).doesNotContain("hunter2-pw").doesNotContain("whsec_c2VjcmV0")
                .contains("clientKey=sealed(k2)");
    }
}
