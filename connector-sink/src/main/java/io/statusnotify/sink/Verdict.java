package io.statusnotify.sink;

import java.time.Duration;
import java.util.Optional;

/** What to do after one attempt. {@code cause} is the metric tag: a status class ({@code 5xx}) or error kind. */
sealed interface Verdict {

    record Success() implements Verdict {
    }

    /** Try again; {@code retryAfter} is what the server asked for (Retry-After), when it did. */
    record Retry(String cause, Optional<Duration> retryAfter) implements Verdict {
    }

    /** Never succeeds by retrying: dead-letter now. */
    record Fail(String cause) implements Verdict {
    }
}
