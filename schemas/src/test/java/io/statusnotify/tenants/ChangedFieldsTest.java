package io.statusnotify.tenants;

import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;
import io.statusnotify.secrets.SecretKeys;
import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The changed fields of an audit record: the records before and after compared field by field, names only. */
class ChangedFieldsTest {
    private static final TenantConfig ACME = new TenantConfig(true, "https://acme.example/sns", "portal", "pw-1", 8, null);
    private static final SecretSealer SEALER = SecretSealer.sealedWith(
            SecretKeys.from(Settings.of(Map.of(SecretKeys.KEYS, SecretKeys.generateLine("k1").replaceFirst("=", ":")))));

    @Test
    void givenANewTenantThenEveryFieldItHasIsChangedInRecordOrder() {
        assertThat(ChangedFields.between(null, ACME)).containsExactly("enabled", "serverUrl", "username", "password", "maxInFlight");
    }

    @Test
    void givenADeleteThenEveryFieldTheRecordHadIsChanged() {
        assertThat(ChangedFields.between(ACME, null)).containsExactly("enabled", "serverUrl", "username", "password", "maxInFlight");
    }

    @Test
    void givenOneFieldChangedAnotherAddedAndOneRemovedThenExactlyThoseThree() {
        TenantConfig after = new TenantConfig(true, "https://new.acme.example/sns", null, Secret.clear("pw-1"), 8, 50.0,
                null, null, null, null);

        assertThat(ChangedFields.between(ACME, after)).containsExactly("serverUrl", "username", "maxRequestsPerSecond");
    }

    @Test
    void givenTheSameRecordThenNothingChanged() {
        TenantConfig same = new TenantConfig(true, "https://acme.example/sns", "portal", "pw-1", 8, null);

        assertThat(ChangedFields.between(ACME, same)).isEmpty();
        assertThat(ChangedFields.between(ACME, ACME.withSecrets(ACME.password(), null, null))).isEmpty();
    }

    @Test
    void givenASecretSealedAgainThenItChangedEvenWithTheSameClearText() {
        TenantConfig sealed = ACME.withSecrets(SEALER.seal("acme", TenantConfig.PASSWORD, "pw-1"), null, null);
        TenantConfig resealed = ACME.withSecrets(SEALER.seal("acme", TenantConfig.PASSWORD, "pw-1"), null, null);

        assertThat(ChangedFields.between(sealed, resealed)).containsExactly("password");
        assertThat(ChangedFields.between(sealed, sealed.withSecrets(sealed.password(), null, null))).isEmpty();
    }

    @Test
    void givenTheGlobalSwitchThenItsOneFieldChangesOrNot() {
        assertThat(ChangedFields.between((GlobalSettings) null, new GlobalSettings(false))).containsExactly("allowTenantConfig");
        assertThat(ChangedFields.between(new GlobalSettings(true), new GlobalSettings(false))).containsExactly("allowTenantConfig");
        assertThat(ChangedFields.between(new GlobalSettings(false), new GlobalSettings(false))).isEmpty();
    }
}
