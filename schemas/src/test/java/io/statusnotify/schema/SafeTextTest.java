package io.statusnotify.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void dropsUserInfoQueryAndFragment() {
        assertThat(SafeText.url("https://bob:s3cret@hooks.example.com:8443/in/status?token=abc#x"))
                .isEqualTo("https://hooks.example.com:8443/in/status");
    }

    @Test
    void keepsAPlainUrl() {
        assertThat(SafeText.url("http://127.0.0.1/hook")).isEqualTo("http://127.0.0.1/hook");
    }

    @Test
    void neverEchoesAnUnparseableUrl() {
        assertThat(SafeText.url("http://bob:s3cret@ bad url")).doesNotContain("s3cret");
    }

    @Test
    void scrubMasksTheSecret() {
        assertThat(SafeText.scrub("failed for s3cret!", "s3cret")).isEqualTo("failed for ***!");
        assertThat(SafeText.scrub("nothing here", null)).isEqualTo("nothing here");
        assertThat(SafeText.scrub("value \"p\" in http://x", "p")).isEqualTo("value \"***\" in http://x");
    }

    @Test
    void aKeyWithLineBreaksCannotForgeALogLineAndAHugeOneIsCut() {
        assertThat(SafeText.key("acme\r\nWARN forged")).isEqualTo("acme\\u000d\\u000aWARN forged");
        assertThat(SafeText.key("k".repeat(900_000))).hasSize(200 + "...(900000 characters)".length())
                .endsWith("...(900000 characters)");
        assertThat(SafeText.key("Default")).isEqualTo("Default");
    }
}
