package io.statusnotify.tenants;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.secrets.Secret;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record a change makes, and its refusals in the writer's own names for the fields. */
class TenantRecordBuilderTest {
    private static final String PASSWORD = "Builder-Pw-never-in-a-message";
    private static final TenantFieldNames FORM = field -> "form." + field.recordName();
    private static final TenantRecordBuilder BUILDER = new TenantRecordBuilder(FORM);

    private static TenantChange url(String url) {
        return new TenantChange(url, null, null, null, null, null, null, null, null, null, Set.of());
    }

    @Test
    void givenANewTenantWithoutUrlThenRefusedNamingTheWritersField() {
        assertThatThrownBy(() -> BUILDER.build("acme", null, url(null), null))
                .isInstanceOf(TenantChangeRefused.class).hasMessage("form.serverUrl: required for a new tenant");
    }

    @Test
    void givenAChangeThenTheCurrentFieldsAreKeptAndTheRemovedOnesDropped() {
        TenantConfig current = new TenantConfig(true, "https://acme.example/sns", "portal", "pw", 8, 50.0);
        TenantChange change = new TenantChange(null, null, null, false, null, null, null, null, null, null, Set.of("username"));

        TenantConfig built = BUILDER.build("acme", current, change, null);

        assertThat(built).isEqualTo(new TenantConfig(false, "https://acme.example/sns", null, "pw", 8, 50.0));
    }

    @Test
    void givenABadKeptValueThenTheRecordFieldIsNamedAsKeptAndABadGivenOneByTheWritersName() {
        TenantConfig current = new TenantConfig(true, "https://acme.example/sns", "a:b", PASSWORD);

        assertThatThrownBy(() -> BUILDER.build("acme", current, url("ftp://acme.example/x"), null))
                .isInstanceOf(TenantChangeRefused.class)
                .hasMessageStartingWith("form.serverUrl: ")
                .hasMessageContaining("; username (kept from the current record): ")
                .hasMessageNotContaining(PASSWORD)
                .satisfies(e -> assertThat(((TenantChangeRefused) e).problems()).hasSize(2));
    }

    @Test
    void givenAGivenSecretThenItIsSealedBySealerAndNeverShownInARefusal() {
        TenantChange change = new TenantChange("https://acme.example/sns", "portal", PASSWORD, null, null, null, null,
                null, null, null, Set.of());

        TenantConfig built = BUILDER.build("acme", null, change, SecretSealer.cleartext());

        assertThat(Secret.clearText(built.password())).isEqualTo(PASSWORD);
        assertThatThrownBy(() -> BUILDER.requireValidChange(new TenantChange(null, null, PASSWORD + "\r\n", null, null,
                null, null, null, null, null, Set.of())))
                .hasMessageStartingWith("form.password: ").hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> BUILDER.build("acme", null, change, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void givenABadNameThenTheWritersNameOfTheTenantIsSaid() {
        TenantRecordBuilder cli = new TenantRecordBuilder(field -> field == Field.TENANT ? "NAME" : field.recordName());

        assertThatThrownBy(() -> cli.requireName("a/b")).hasMessageStartingWith("NAME: must not contain '/'");
        assertThat(cli.requireName("acme")).isEqualTo("acme");
    }
}
