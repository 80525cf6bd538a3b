package io.statusnotify.schema;

import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TenantConfigRulesTest {
    private static final String SECRET = "hunter2-s3cret";

    private static TenantConfig config(String url, String username, String password) {
        return new TenantConfig(true, url, username, password);
    }

    @Test
    void aUsualConfigBreaksNoRule() {
        assertThat(TenantConfigRules.check("acme", config("https://notify.acme.example:8443/sns?x=1", "portal", SECRET))).isEmpty();
    }

    @Test
    void relativeUrlIsRefusedSayingSo() {
        assertThat(TenantConfigRules.serverUrl("/sns")).contains("must be an absolute http or https URL (got a relative one)");
    }

    @Test
    void otherSchemesAreRefusedNamingTheScheme() {
        assertThat(TenantConfigRules.serverUrl("ftp://files.example/x")).contains("must be an absolute http or https URL (got scheme 'ftp')");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutQuotingThem() {
        assertThat(TenantConfigRules.serverUrl("https://portal:" + SECRET + "@notify.example/sns"))
                .hasValueSatisfying(rule -> assertThat(rule).contains("must not contain credentials").doesNotContain(SECRET));
    }

    @Test
    void urlWithoutHostOrWithSpacesIsRefused() {
        assertThat(TenantConfigRules.serverUrl("http:///sns")).hasValueSatisfying(rule -> assertThat(rule).contains("host"));
        assertThat(TenantConfigRules.serverUrl("http://a b/")).contains("must not contain spaces or control characters");
    }

    @Test
    void sizesAreBounded() {
        String longUrl = "https://notify.example/" + "a".repeat(TenantConfigRules.MAX_URL_LENGTH);
        assertThat(TenantConfigRules.serverUrl(longUrl)).hasValueSatisfying(rule -> assertThat(rule).startsWith("must be at most 2048 characters"));
        assertThat(TenantConfigRules.username("u".repeat(257))).hasValueSatisfying(rule -> assertThat(rule).contains("at most 256"));
        assertThat(TenantConfigRules.password("p".repeat(1025))).hasValueSatisfying(rule -> assertThat(rule).contains("at most 1024"));
        assertThat(TenantConfigRules.password("p".repeat(1024))).isEmpty();
    }

    @Test
    void controlCharactersInCredentialsAreRefusedWithoutQuotingThem() {
        assertThat(TenantConfigRules.username("portal\r\nX-Injected: 1")).contains("must not contain control characters (CR, LF, NUL, ...)");
        assertThat(TenantConfigRules.password(SECRET + "\u0000")).hasValueSatisfying(rule ->
                assertThat(rule).contains("control characters").doesNotContain(SECRET));
        assertThat(TenantConfigRules.username("a:b")).hasValueSatisfying(rule -> assertThat(rule).contains("':'"));
    }

    @Test
    void tenantNamesFollowTheNotificationKeyRules() {
        assertThat(TenantConfigRules.tenantName("acme/eu")).hasValueSatisfying(rule -> assertThat(rule).contains("'/'"));
        assertThat(TenantConfigRules.tenantName(GlobalSettings.KEY)).hasValueSatisfying(rule -> assertThat(rule).contains("reserved"));
        assertThat(TenantConfigRules.tenantName(" acme")).hasValueSatisfying(rule -> assertThat(rule).contains("space"));
        assertThat(TenantConfigRules.tenantName("")).contains("must not be empty");
        assertThat(TenantConfigRules.tenantName("Default")).isEmpty();
    }

    @Test
    void aDisabledTenantNeedsNoUrlButAnEnabledOneDoes() {
        assertThat(TenantConfigRules.check("acme", new TenantConfig(false, null, null, null))).isEmpty();
        assertThat(TenantConfigRules.check("acme", new TenantConfig(true, null, null, null)))
                .containsExactly(new Violation(Field.SERVER_URL, "required when the tenant is enabled"));
    }

    @Test
    void everyBrokenRuleIsReportedWithItsField() {
        List<Violation> violations = TenantConfigRules.check("a/b",
                new TenantConfig(true, "/rel", "x\ny", "", 0, -1.0));

        assertThat(violations).extracting(Violation::field).containsExactly(Field.TENANT, Field.SERVER_URL, Field.USERNAME,
                Field.PASSWORD, Field.MAX_IN_FLIGHT, Field.MAX_REQUESTS_PER_SECOND);
    }
}
