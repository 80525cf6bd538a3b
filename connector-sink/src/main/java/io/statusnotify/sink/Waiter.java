package io.statusnotify.sink;

import java.time.Duration;

/** Waits between attempts while keeping the consumer alive in its group. */
interface Waiter {
    /** Returns false when the record in hand must be given up (shutdown, or its partition was taken away). */
    boolean await(Duration wait);
}
