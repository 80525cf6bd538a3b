package io.statusnotify.tenants;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigException;
import io.statusnotify.secrets.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A config change and its audit record: who, when, which tenant, which fields; never a secret's value. */
class ConfigChangeTest {
    private static final String PASSWORD = "Known-Pw-4-the-audit-test";
    private static final String SIGNING = "whsec_c2l4dGVlbi1ieXRlcy1vci1tb3JlIQ==";
    private static final Instant AT = Instant.parse("2025-11-25T14:00:00.042Z");
    private static final Actor ALICE = Actor.console("alice");

    @Test
    void givenAPutWithClearSecretsThenTheAuditNamesThemAndHoldsNoValueWhileTheRecordHoldsThem() {
        // given a tenant whose password and signing secret change, stored in clear (the record then holds them)
        TenantConfig before = new TenantConfig(true, "https://acme.example/sns", "portal", "old-pw");
        TenantConfig after = new TenantRecordBuilder(TenantFieldNames.RECORD).build("acme", before,
                new TenantChange(null, null, PASSWORD, null, null, null, null, null, null, SIGNING, Set.of()),
                SecretSealer.cleartext());

        // when the change is made
        ConfigChange change = ConfigChange.tenant(ALICE, AuditRecord.PUT, "acme", before, after, AT);

        // then the audit record names the two secrets and holds neither value (the record does: the check can fail)
        String audit = new String(Json.write(change.audit()), StandardCharsets.UTF_8);
        assertThat(audit).isEqualTo("{\"at\":\"2025-11-25T14:00:00.042Z\",\"actor\":\"alice\",\"via\":\"console\","
                + "\"tenant\":\"acme\",\"action\":\"put\",\"changedFields\":[\"password\",\"signingSecret\"]}");
        assertThat(audit).doesNotContain(PASSWORD).doesNotContain(SIGNING).doesNotContain("old-pw");
        assertThat(new String(change.value(), StandardCharsets.UTF_8)).contains(PASSWORD, SIGNING);
        assertThat(change.toString()).doesNotContain(PASSWORD).doesNotContain(SIGNING);
        assertThat(change.key()).isEqualTo("acme");
        assertThat(((ConfigEntry.Tenant) ConfigEntry.parse("acme", change.value())).config()).isEqualTo(after);
    }

    @Test
    void givenADeleteThenATombstoneAndTheFieldsTheRecordHad() {
        ConfigChange change = ConfigChange.tenantDeleted(Actor.cli(), "acme",
                new TenantConfig(false, "https://acme.example/sns", null, null), AT);

        assertThat(change.value()).isNull();
        assertThat(change.audit().action()).isEqualTo(AuditRecord.DELETE);
        assertThat(change.audit().via()).isEqualTo(AuditRecord.CLI);
        assertThat(change.audit().actor()).isEqualTo(System.getProperty("user.name"));
        assertThat(change.audit().changedFields()).containsExactly("enabled", "serverUrl");
    }

    @Test
    void givenTheGlobalSwitchThenKeyGlobalAndNoTenant() {
        ConfigChange change = ConfigChange.global(ALICE, new GlobalSettings(true), new GlobalSettings(false), AT);

        assertThat(change.key()).isEqualTo(GlobalSettings.KEY);
        assertThat(new String(change.value(), StandardCharsets.UTF_8)).isEqualTo("{\"allowTenantConfig\":false}");
        assertThat(change.audit().tenant()).isNull();
        assertThat(change.audit().key()).isEqualTo(GlobalSettings.KEY);
        assertThat(change.audit().action()).isEqualTo(AuditRecord.GLOBAL_SET);
        assertThat(change.audit().changedFields()).containsExactly("allowTenantConfig");
    }

    @Test
    void givenARecordThatBreaksARuleOrATenantActionThatIsNoneThenNothingIsMade() {
        TenantConfig noUrl = new TenantConfig(true, null, "portal", Secret.clear(PASSWORD), null, null, null, null, null, null);

        assertThatThrownBy(() -> ConfigChange.tenant(ALICE, AuditRecord.PUT, "acme", null, noUrl, AT))
                .isInstanceOf(TenantConfigException.class).hasMessageContaining("serverUrl.required")
                .hasMessageNotContaining(PASSWORD);
        TenantConfig fine = new TenantConfig(true, "https://acme.example/sns", null, null);
        assertThatThrownBy(() -> ConfigChange.tenant(ALICE, AuditRecord.GLOBAL_SET, "acme", null, fine, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigChange.tenant(ALICE, AuditRecord.PUT, GlobalSettings.KEY, null, fine, AT))
                .isInstanceOf(TenantConfigException.class).hasMessageContaining("tenant.reserved");
        assertThatThrownBy(() -> ConfigChange.tenantDeleted(ALICE, "a/b", null, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActorIsNamedAndComesThroughTheConsoleOrTheCli() {
        assertThatThrownBy(() -> new Actor(" ", AuditRecord.CLI)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor("alice", "web")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Actor.console("bob")).isEqualTo(new Actor("bob", "console"));
    }
}
