package io.statusnotify.schema;

import io.statusnotify.testing.BadTenantRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule as the readers meet it: a record written by another tool, read by {@link ConfigEntry#parse}. */
class ConfigEntryRulesTest {
    private static final String URL = "https://notify.acme.example/sns";

    static List<BadTenantRecords.Case> cases() {
        return BadTenantRecords.all();
    }

    private static ConfigEntry read(String key, String value) {
        return ConfigEntry.parse(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRecordTheCasesStartFromIsAccepted() {
        assertThat(read("acme", BadTenantRecords.good(URL).toString())).isInstanceOf(ConfigEntry.Tenant.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRecordBreakingOneRuleIsRefusedNamingThatRule(BadTenantRecords.Case bad) {
        ConfigEntry entry = read(bad.key().apply("acme"), bad.value().apply(URL));

        assertThat(entry).isInstanceOf(ConfigEntry.Invalid.class);
        ConfigEntry.Invalid invalid = (ConfigEntry.Invalid) entry;
        assertThat(invalid.rule()).isEqualTo(bad.rule());
        assertThat(invalid.reason()).doesNotContain(BadTenantRecords.PASSWORD).doesNotContain("X-Injected")
                .hasSizeLessThan(400);
    }

    @Test
    void aTypeErrorInASecretIsItsEnvelopeAndNeverQuotesIt() {
        ConfigEntry.Invalid invalid = (ConfigEntry.Invalid) read("acme",
                "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"password\":987654321}");

        assertThat(invalid.rule()).isEqualTo("password.envelope");
        assertThat(invalid.reason()).contains("expected a string (clear text) or a sealed object").doesNotContain("987654321");
    }

    @Test
    void aValueThatIsNotJsonBreaksTheRecordsForm() {
        assertThat(((ConfigEntry.Invalid) read("acme", "not json")).rule()).isEqualTo("record.type");
    }

    @Test
    void aSealedEnvelopeWithMembersBesidesItsFourIsRefused() {
        String envelope = BadTenantRecords.sealed(32).put("extra", "x").toString();
        ConfigEntry.Invalid invalid = (ConfigEntry.Invalid) read("acme",
                "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"password\":" + envelope + "}");

        assertThat(invalid.rule()).isEqualTo("password.envelope");
        assertThat(invalid.reason()).contains("exactly the members sealed, keyId, nonce and data");
    }
}
