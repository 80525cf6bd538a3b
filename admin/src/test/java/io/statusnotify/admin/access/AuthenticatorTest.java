package io.statusnotify.admin.access;

import io.statusnotify.testing.MutableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final WebUser bob = new WebUser("bob", Role.TENANT_ADMIN, Set.of("acme"));
    private final Authenticator authenticator = new Authenticator(
            WebConfig.empty().with(bob, Passwords.hash("bob-pass")), clock);

    @Test
    void theRightPasswordPassesWithTheUsersRole() {
        assertThat(authenticator.check("bob", "bob-pass", "10.0.0.1")).isEqualTo(new Authenticator.Outcome.Passed(bob));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedAlike() {
        assertThat(authenticator.check("bob", "nope", "10.0.0.1")).isInstanceOf(Authenticator.Outcome.Refused.class);
        assertThat(authenticator.check("eve", "bob-pass", "10.0.0.2")).isInstanceOf(Authenticator.Outcome.Refused.class);
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsThenPasses() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) authenticator.check("bob", "guess" + i, "10.0.0.9");

        assertThat(authenticator.check("bob", "bob-pass", "10.0.0.1"))
                .isEqualTo(new Authenticator.Outcome.Throttled(LoginThrottle.FIRST));
        clock.advance(LoginThrottle.FIRST);
        assertThat(authenticator.check("bob", "bob-pass", "10.0.0.1")).isEqualTo(new Authenticator.Outcome.Passed(bob));
    }

    @Test
    void aGuesserTryingManyNamesFromOneAddressIsThrottledByAddress() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) authenticator.check("user" + i, "x", "10.6.6.6");
        Authenticator.Outcome beforeTheLimit = authenticator.check("bob", "bob-pass", "10.6.6.6");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) authenticator.check("user" + i, "x", "10.6.6.6");

        assertThat(beforeTheLimit).as("a colleague behind the same address, before the limit")
                .isEqualTo(new Authenticator.Outcome.Passed(bob));
        assertThat(authenticator.check("bob", "bob-pass", "10.6.6.6")).isInstanceOf(Authenticator.Outcome.Throttled.class);
        assertThat(authenticator.check("bob", "bob-pass", "10.0.0.1")).isEqualTo(new Authenticator.Outcome.Passed(bob));
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) throttle.failed("k");
        assertThat(throttle.waitFor("k")).contains(LoginThrottle.FIRST.multipliedBy(2));

        for (int i = 0; i < 20; i++) throttle.failed("k");
        assertThat(throttle.waitFor("k")).contains(LoginThrottle.LONGEST);

        throttle.succeeded("k");
        assertThat(throttle.waitFor("k")).isEmpty();
    }

    @Test
    void beyondTheKeyLimitTheOldestKeyIsForgottenFirst() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) throttle.failed("first");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) throttle.failed("second");

        for (int i = 0; i < LoginThrottle.MAX_KEYS - 1; i++) throttle.failed("flood" + i);

        assertThat(throttle.waitFor("first")).isEmpty();
        assertThat(throttle.waitFor("second")).contains(LoginThrottle.FIRST);
    }

    @Test
    void aRememberedPasswordStillFailsForAnotherUserAndExpires() {
        assertThat(authenticator.check("bob", "bob-pass", "10.0.0.1")).isInstanceOf(Authenticator.Outcome.Passed.class);
        clock.advance(Authenticator.REMEMBERED.plusSeconds(1));

        assertThat(authenticator.check("bob", "bob-pass", "10.0.0.1")).isInstanceOf(Authenticator.Outcome.Passed.class);
        assertThat(authenticator.check("bob", "bob-pas", "10.0.0.1")).isInstanceOf(Authenticator.Outcome.Refused.class);
    }

    @Test
    void givenAValidLoginBetweenGuessesTheAddressIsStillThrottled() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            authenticator.check("user" + i, "x", "10.7.7.7");
            if (i % 3 == 0) authenticator.check("bob", "bob-pass", "10.7.7.7");
        }
        authenticator.check("someone", "x", "10.7.7.7");

        assertThat(authenticator.check("bob", "bob-pass", "10.7.7.7")).isInstanceOf(Authenticator.Outcome.Throttled.class);
    }

    @Test
    void givenFailuresOlderThanTheLongestWaitTheyAreForgiven() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) throttle.failed("k");
        clock.advance(LoginThrottle.LONGEST.plusSeconds(1));

        throttle.failed("k");

        assertThat(throttle.waitFor("k")).isEmpty();
    }
}
