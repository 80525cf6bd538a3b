package io.statusnotify.admin.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user name and password against the users file, throttled per user name and per client address
 * ({@link LoginThrottle}). A password that passed is remembered for {@link #REMEMBERED} as a salted digest, so that
 * a Prometheus scrape with basic auth every few seconds costs one bcrypt check now and then, not every time.
 */
public final class Authenticator {
    public static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final WebConfig config;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final byte[] salt = Passwords.random().getBytes(StandardCharsets.UTF_8);
    private final Map<String, Instant> passed = new ConcurrentHashMap<>();

    /** What a login attempt came to. */
    public sealed interface Outcome {
        record Passed(WebUser user) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        /** Too many failures: not checked; try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    public Authenticator(WebConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
    }

    public Outcome check(String name, String password, String clientAddress) {
        String userKey = "user:" + name;
        String clientKey = "client:" + clientAddress;
        Optional<Duration> wait = throttle.waitFor(userKey).or(() -> throttle.waitFor(clientKey));
        if (wait.isPresent()) return new Outcome.Throttled(wait.get());
        WebUser user = config.users().get(name);
        String digest = digest(name, password);
        Instant remembered = passed.get(digest);
        boolean ok = user != null && remembered != null && remembered.isAfter(clock.instant());
        if (!ok && Passwords.matches(password, config.hashes().get(name)) && user != null) {
            ok = true;
            passed.put(digest, clock.instant().plus(REMEMBERED));
        }
        if (!ok) {
            throttle.failed(userKey);
            throttle.failed(clientKey, LoginThrottle.FREE_FAILURES_PER_ADDRESS);
            return new Outcome.Refused();
        }
        // Only the user's: an address's failures stay, or one valid account could reset them between guesses.
        throttle.succeeded(userKey);
        return new Outcome.Passed(user);
    }

    public WebConfig config() {
        return config;
    }

    private String digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
