package io.statusnotify.schema;

import io.statusnotify.schema.TenantConfigRules.Field;
import io.statusnotify.schema.TenantConfigRules.Rule;
import io.statusnotify.schema.TenantConfigRules.Violation;
import io.statusnotify.secrets.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule set as the writers call it; {@link ConfigEntryRulesTest} takes each rule through the readers' path. */
class TenantConfigRulesTest {
    private static final String SECRET = "hunter2-s3cret";

    private static TenantConfig config(String url, String username, String password) {
        return new TenantConfig(true, url, username, password);
    }

    private static Optional<String> text(Optional<Violation> violation) {
        return violation.map(Violation::text);
    }

    private static Optional<String> code(Optional<Violation> violation) {
        return violation.map(Violation::code);
    }

    @Test
    void aUsualConfigBreaksNoRule() {
        assertThat(TenantConfigRules.check("acme", config("https://notify.acme.example:8443/sns?x=1", "portal", SECRET))).isEmpty();
    }

    @Test
    void relativeUrlIsRefusedSayingSo() {
        assertThat(text(TenantConfigRules.serverUrl("/sns"))).contains("must be an absolute http or https URL (got a relative one)");
        assertThat(code(TenantConfigRules.serverUrl("/sns"))).contains("serverUrl.scheme");
    }

    @Test
    void otherSchemesAreRefusedNamingTheScheme() {
        assertThat(text(TenantConfigRules.serverUrl("ftp://files.example/x"))).contains("must be an absolute http or https URL (got scheme 'ftp')");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutQuotingThem() {
        Optional<Violation> violation = TenantConfigRules.serverUrl("https://portal:" + SECRET + "@notify.example/sns");
        assertThat(code(violation)).contains("serverUrl.user-info");
        assertThat(text(violation)).hasValueSatisfying(rule -> assertThat(rule).contains("must not contain credentials").doesNotContain(SECRET));
    }

    @Test
    void urlWithoutHostOrWithSpacesIsRefused() {
        assertThat(code(TenantConfigRules.serverUrl("http:///sns"))).contains("serverUrl.host");
        assertThat(text(TenantConfigRules.serverUrl("http://a b/"))).contains("must not contain spaces or control characters");
    }

    @Test
    void aFragmentOrABadSyntaxIsRefused() {
        assertThat(code(TenantConfigRules.serverUrl("https://notify.example/sns#top"))).contains("serverUrl.fragment");
        assertThat(code(TenantConfigRules.serverUrl("https://notify.example/x^y"))).contains("serverUrl.syntax");
    }

    @Test
    void sizesAreBounded() {
        String longUrl = "https://notify.example/" + "a".repeat(TenantConfigRules.MAX_URL_LENGTH);
        assertThat(text(TenantConfigRules.serverUrl(longUrl))).hasValueSatisfying(rule -> assertThat(rule).startsWith("must be at most 2048 characters"));
        assertThat(text(TenantConfigRules.username("u".repeat(257)))).hasValueSatisfying(rule -> assertThat(rule).contains("at most 256"));
        assertThat(text(TenantConfigRules.password("p".repeat(1025)))).hasValueSatisfying(rule -> assertThat(rule).contains("at most 1024"));
        assertThat(TenantConfigRules.password("p".repeat(1024))).isEmpty();
    }

    @Test
    void lengthsAreCountedInCharactersAsJsonSchemaCountsThem() {
        assertThat(TenantConfigRules.password("\uD83D\uDD11".repeat(1024))).isEmpty();
        assertThat(code(TenantConfigRules.password("\uD83D\uDD11".repeat(1025)))).contains("password.length");
    }

    @Test
    void controlCharactersInCredentialsAreRefusedWithoutQuotingThem() {
        assertThat(text(TenantConfigRules.username("portal\r\nX-Injected: 1"))).contains("must not contain control characters (CR, LF, NUL, ...)");
        assertThat(text(TenantConfigRules.password(SECRET + "\u0000"))).hasValueSatisfying(rule ->
                assertThat(rule).contains("control characters").doesNotContain(SECRET));
        assertThat(text(TenantConfigRules.username("a:b"))).hasValueSatisfying(rule -> assertThat(rule).contains("':'"));
    }

    @Test
    void tenantNamesFollowTheNotificationKeyRules() {
        assertThat(text(TenantConfigRules.tenantName("acme/eu"))).hasValueSatisfying(rule -> assertThat(rule).contains("'/'"));
        assertThat(code(TenantConfigRules.tenantName(GlobalSettings.KEY))).contains("tenant.reserved");
        assertThat(text(TenantConfigRules.tenantName(" acme"))).hasValueSatisfying(rule -> assertThat(rule).contains("space"));
        assertThat(text(TenantConfigRules.tenantName(""))).contains("must not be empty");
        assertThat(code(TenantConfigRules.tenantName("a".repeat(201)))).contains("tenant.length");
        assertThat(TenantConfigRules.tenantName("Default")).isEmpty();
    }

    @Test
    void aDisabledTenantNeedsNoUrlButAnEnabledOneDoes() {
        assertThat(TenantConfigRules.check("acme", new TenantConfig(false, null, null, null))).isEmpty();
        assertThat(TenantConfigRules.check("acme", new TenantConfig(true, null, null, null)))
                .containsExactly(new Violation(Field.SERVER_URL, Rule.REQUIRED, "required when the tenant is enabled"));
    }

    @Test
    void aSealedSecretIsBoundBySizeAsItsClearTextIs() {
        TenantConfig fits = config("https://h.example/", "u", null).withSecrets(sealed(4096), sealed(16 * 1024), sealed(4096));
        TenantConfig tooLarge = config("https://h.example/", "u", null).withSecrets(sealed(4097), null, null);

        assertThat(TenantConfigRules.check("acme", new TenantConfig(true, "https://h.example/", "u", sealed(4096), null, null,
                null, null, null, sealed(4096)))).isEmpty();
        assertThat(TenantConfigRules.check("acme", fits)).extracting(Violation::code).containsExactly("clientCertificate.pair");
        assertThat(TenantConfigRules.check("acme", tooLarge)).extracting(Violation::code).containsExactly("password.length");
        assertThat(TenantConfigRules.check("acme", tooLarge).get(0).text()).contains("sealed", "4097 bytes", "1024 characters");
    }

    @Test
    void everyBrokenRuleIsReportedWithItsField() {
        List<Violation> violations = TenantConfigRules.check("a/b",
                new TenantConfig(true, "/rel", "x\ny", "", 0, -1.0));

        assertThat(violations).extracting(Violation::field).containsExactly(Field.TENANT, Field.SERVER_URL, Field.USERNAME,
                Field.PASSWORD, Field.MAX_IN_FLIGHT, Field.MAX_REQUESTS_PER_SECOND);
        assertThat(violations).extracting(Violation::code).containsExactly("tenant.characters", "serverUrl.scheme",
                "username.characters", "password.length", "maxInFlight.range", "maxRequestsPerSecond.range");
    }

    @Test
    void requireValidNamesEveryRuleBroken() {
        TenantConfig config = new TenantConfig(true, "https://h.example/#x", "a:b", "pw");
        org.assertj.core.api.Assertions.assertThatThrownBy(config::requireValid)
                .isInstanceOf(TenantConfigException.class)
                .hasMessage("serverUrl.fragment: must not have a fragment (#...); username.characters: must not contain ':'"
                        + " (HTTP basic auth splits user and password there)");
    }

    private static Secret sealed(int clearBytes) {
        return new Secret.Sealed("k1", new byte[12], new byte[clearBytes + 16]);
    }
}
