package io.statusnotify.sink;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeUrlTest {

    @Test
    void dropsUserInfoQueryAndFragment() {
        assertThat(SafeUrl.of("https://bob:s3cret@hooks.example.com:8443/in/status?token=abc#x"))
                .isEqualTo("https://hooks.example.com:8443/in/status");
    }

    @Test
    void keepsAPlainUrl() {
        assertThat(SafeUrl.of("http://127.0.0.1/hook")).isEqualTo("http://127.0.0.1/hook");
    }

    @Test
    void neverEchoesAnUnparseableUrl() {
        assertThat(SafeUrl.of("http://bob:s3cret@ bad url")).doesNotContain("s3cret");
    }

    @Test
    void scrubMasksTheSecret() {
        assertThat(SafeUrl.scrub("failed for s3cret!", "s3cret")).isEqualTo("failed for ***!");
        assertThat(SafeUrl.scrub("nothing here", null)).isEqualTo("nothing here");
        assertThat(SafeUrl.scrub("value \"p\" in http://x", "p")).isEqualTo("value \"***\" in http://x");
    }
}
