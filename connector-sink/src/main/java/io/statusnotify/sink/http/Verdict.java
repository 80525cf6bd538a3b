package io.statusnotify.sink.http;

import java.time.Duration;
import java.util.Optional;

/** What to do after one attempt. {@code cause} is the metric tag: a status class ({@code 5xx}) or error kind. */
public sealed interface Verdict {

    record Success() implements Verdict {
    }

    /** Try again; {@code retryAfter} is what the server asked for (Retry-After), when it did. */
    record Retry(String cause, Optional<Duration> retryAfter) implements Verdict {
        /** A 429 or a timeout: the server is overwhelmed, so the next try waits at least the throttled minimum. */
        public boolean throttled() {
            return "4xx".equals(cause) || "timeout".equals(cause);
        }
    }

    /** The receiver refuses us (401, 403, 410): nothing is sent to this tenant until its config record changes. */
    record Park(String cause) implements Verdict {
    }

    /** Never succeeds by retrying: dead-letter now. */
    record Fail(String cause) implements Verdict {
    }
}
