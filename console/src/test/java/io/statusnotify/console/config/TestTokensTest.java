package io.statusnotify.console.config;

import io.statusnotify.schema.TenantConfig;
import io.statusnotify.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokensTest {
    private static final TenantForm FORM = new TenantForm(true, "https://hooks.acme.example/sns", "portal", "s3cret-pass", null);
    private static final TenantConfig STORED = new TenantConfig(true, "https://old.acme.example", "portal", "stored-pass");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:00Z"));
    private final TestTokens tokens = new TestTokens(clock);

    @Test
    void givenAPassedTestItsTokenMatchesExactlyTheTestedForm() {
        String token = tokens.issue("session-1", "acme", FORM, STORED);

        assertThat(tokens.matches(token, "session-1", "acme", FORM, STORED)).isTrue();
        assertThat(token).doesNotContain("s3cret-pass");
    }

    @Test
    void givenAnyFieldChangedSinceTheTestTheTokenNoLongerMatches() {
        String token = tokens.issue("session-1", "acme", FORM, STORED);

        assertThat(tokens.matches(token, "session-1", "acme", new TenantForm(true, "https://other.example", "portal", "s3cret-pass", null), STORED)).isFalse();
        assertThat(tokens.matches(token, "session-1", "acme", new TenantForm(true, FORM.serverUrl(), "someone", "s3cret-pass", null), STORED)).isFalse();
        assertThat(tokens.matches(token, "session-1", "acme", new TenantForm(true, FORM.serverUrl(), "portal", "other-pass", null), STORED)).isFalse();
        assertThat(tokens.matches(token, "session-1", "globex", FORM, STORED)).isFalse();
        assertThat(tokens.matches(token, "session-2", "acme", FORM, STORED)).isFalse();
    }

    @Test
    void givenTheStoredPasswordKeptTheTokenIsVoidOnceAnotherPasswordIsStored() {
        TenantForm keeping = new TenantForm(true, FORM.serverUrl(), "portal", "", null);
        String token = tokens.issue("session-1", "acme", keeping, STORED);

        assertThat(tokens.matches(token, "session-1", "acme", keeping, STORED)).isTrue();
        assertThat(tokens.matches(token, "session-1", "acme", keeping,
                new TenantConfig(true, STORED.serverUrl(), "portal", "changed-meanwhile"))).isFalse();
    }

    @Test
    void givenTheValidityPassedOrAForgedTokenNothingMatches() {
        String token = tokens.issue("session-1", "acme", FORM, STORED);
        clock.advance(TestTokens.VALID.plusSeconds(1));

        assertThat(tokens.matches(token, "session-1", "acme", FORM, STORED)).isFalse();
        assertThat(tokens.matches(null, "session-1", "acme", FORM, STORED)).isFalse();
        assertThat(tokens.matches("123.forged", "session-1", "acme", FORM, STORED)).isFalse();
        assertThat(tokens.matches("not-a-token", "session-1", "acme", FORM, STORED)).isFalse();
    }
}
