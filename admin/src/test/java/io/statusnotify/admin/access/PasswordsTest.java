package io.statusnotify.admin.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {
    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = Passwords.hash("correct horse");

        assertThat(hash).startsWith("$2y$10$");
        assertThat(Passwords.isHash(hash)).isTrue();
        assertThat(Passwords.matches("correct horse", hash)).isTrue();
        assertThat(Passwords.matches("correct horsE", hash)).isFalse();
    }

    @Test
    void hashesOfOtherToolsVersionsAreRead() {
        // htpasswd writes $2y$, Python's bcrypt and Go's $2b$ / $2a$: the same algorithm for these passwords.
        String hash = Passwords.hash("from another tool");
        for (String version : new String[] {"$2a$", "$2b$"}) {
            String other = version + hash.substring(4);
            assertThat(Passwords.isHash(other)).isTrue();
            assertThat(Passwords.matches("from another tool", other)).isTrue();
        }
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThat(Passwords.matches("anything", null)).isFalse();
    }

    @Test
    void passwordsBcryptWouldCutAreRefusedNotCut() {
        String seventyThree = "x".repeat(73);

        assertThatThrownBy(() -> Passwords.hash(seventyThree)).hasMessage("password: must be 1 to 72 bytes, was 73");
        assertThatThrownBy(() -> Passwords.hash("")).hasMessage("password: must be 1 to 72 bytes, was 0");
        assertThat(Passwords.matches(seventyThree, Passwords.hash("x".repeat(72)))).isFalse();
    }

    @Test
    void randomPasswordsDiffer() {
        assertThat(Passwords.random()).hasSize(20).isNotEqualTo(Passwords.random());
    }
}
