package io.statusnotify.sink.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class BasicAuthTest {

    private static String decode(String header) {
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
    }

    @Test
    void encodesUserColonPassword() {
        assertThat(BasicAuth.header("Aladdin", "open sesame")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void usesUtf8ForNonAsciiCredentials() {
        assertThat(decode(BasicAuth.header("jürgen", "pässwörd€"))).isEqualTo("jürgen:pässwörd€");
    }

    @Test
    void aMissingPasswordIsEmpty() {
        assertThat(decode(BasicAuth.header("user", null))).isEqualTo("user:");
    }
}
