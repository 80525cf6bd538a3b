package io.statusnotify.schema;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigEntryTest {

    private static ConfigEntry parse(String key, String json) {
        return ConfigEntry.parse(key, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenantRecordIsParsed() {
        ConfigEntry entry = parse("acme", """
                {"enabled":true,"serverUrl":"https://hooks.acme.example/sns","username":"u","password":"p"}""");
        assertThat(entry).isEqualTo(new ConfigEntry.Tenant("acme",
                new TenantConfig(true, "https://hooks.acme.example/sns", "u", "p")));
    }

    @Test
    void globalKeyHoldsTheSuperAdminSwitch() {
        assertThat(parse(GlobalSettings.KEY, "{\"allowTenantConfig\":false}"))
                .isEqualTo(new ConfigEntry.Global(new GlobalSettings(false)));
    }

    @Test
    void unusableValuesBecomeInvalidEntriesInsteadOfThrowing() {
        assertThat(parse("acme", "not json")).isInstanceOf(ConfigEntry.Invalid.class);
        assertThat(parse("acme", "{\"enabled\":true}")).isInstanceOf(ConfigEntry.Invalid.class);
        assertThat(parse("acme", "{\"enabled\":true,\"serverUrl\":\"/relative\"}")).isInstanceOf(ConfigEntry.Invalid.class);
        assertThat(parse("acme", "{\"enabled\":true,\"serverUrl\":\"ftp://x/\"}")).isInstanceOf(ConfigEntry.Invalid.class);
    }

    @Test
    void tenantLimitsAreReadAndChecked() {
        ConfigEntry limited = parse("acme", """
                {"enabled":true,"serverUrl":"https://h/x","maxInFlight":4,"maxRequestsPerSecond":12.5}""");
        ConfigEntry zero = parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"maxInFlight\":0}");
        ConfigEntry negativeRate = parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"maxRequestsPerSecond\":-1}");

        assertThat(limited).isEqualTo(new ConfigEntry.Tenant("acme", new TenantConfig(true, "https://h/x", null, null, 4, 12.5)));
        assertThat(((ConfigEntry.Invalid) zero).reason()).contains("maxInFlight.range: must be between 1 and 10000");
        assertThat(((ConfigEntry.Invalid) negativeRate).reason()).contains("maxRequestsPerSecond.range: must be above 0");
    }

    @Test
    void disabledTenantNeedsNoUrl() {
        assertThat(parse("acme", "{\"enabled\":false}"))
                .isEqualTo(new ConfigEntry.Tenant("acme", new TenantConfig(false, null, null, null)));
    }

    @Test
    void passwordNeverShowsInToString() {
        TenantConfig config = new TenantConfig(true, "https://x.example/", "user", "s3cr3t-pass");
        assertThat(config.toString()).doesNotContain("s3cr3t-pass").contains("***");
        assertThat(parse("acme", "{\"enabled\":\"maybe\",\"password\":\"s3cr3t-pass\"}").toString())
                .doesNotContain("s3cr3t-pass");
    }

    @Test
    void invalidReasonsNeverQuoteThePassword() {
        ConfigEntry unquoted = parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"password\":Hunter2Secret}");
        ConfigEntry number = parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"password\":987654321}");

        assertThat(((ConfigEntry.Invalid) unquoted).reason()).doesNotContain("Hunter2Secret");
        assertThat(((ConfigEntry.Invalid) number).reason()).doesNotContain("987654321").contains("password");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithAClearReason() {
        ConfigEntry entry = parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://alice:pw@h.example/x\"}");

        assertThat(entry).isInstanceOf(ConfigEntry.Invalid.class);
        assertThat(((ConfigEntry.Invalid) entry).reason()).contains("must not contain credentials").doesNotContain("alice:pw");
    }

    @Test
    void toStringShowsNoSecretPartOfTheUrl() {
        TenantConfig config = new TenantConfig(true, "https://h.example/x?token=t0ps3cret", "u", "p");
        assertThat(config.toString()).doesNotContain("t0ps3cret").contains("https://h.example/x");
    }

    @Test
    void aUsernameWithAColonOrControlCharactersIsRefused() {
        assertThat(parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"username\":\"a:b\",\"password\":\"pw\"}"))
                .isInstanceOf(ConfigEntry.Invalid.class);
        assertThat(parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"username\":\"a\\r\\nX-Evil: 1\",\"password\":\"pw\"}"))
                .isInstanceOf(ConfigEntry.Invalid.class);
        assertThat(parse("acme", "{\"enabled\":true,\"serverUrl\":\"https://h/x\",\"username\":\"a\",\"password\":\"p:w\"}"))
                .isInstanceOf(ConfigEntry.Tenant.class);
    }
}
