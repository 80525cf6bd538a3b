package io.statusnotify.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The waits of a phase on what the receivers record, bounded by the run's timeout; what went wrong goes to notes. */
final class PhaseWaits {
    private static final Logger LOG = LoggerFactory.getLogger(PhaseWaits.class);
    private final Duration timeout;
    private final List<String> notes;

    PhaseWaits(Duration timeout, List<String> notes) {
        this.timeout = timeout;
        this.notes = notes;
    }

    /** Until the first measured notification arrived (the warm-up ones are delivered before it, per partition). */
    void awaitFirstArrival(String phase, Recorder recorder, Supplier<String> deathNotice) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (recorder.delivered() == 0) {
            String died = deathNotice.get();
            if (died != null || System.nanoTime() > deadline) return; // awaitDelivered says what went wrong
            Pause.millis(5);
        }
        LOG.info("{}: warm-up done, measuring", phase);
    }

    /** Until every expected notification arrived, the deadline passed, or the process delivering died. */
    void awaitDelivered(String phase, Recorder recorder, long expected, Supplier<String> deathNotice) {
        awaitDelivered(phase, recorder, expected, deathNotice, () -> { });
    }

    /** The same, calling {@code onTick} at every look (every 20 ms), e.g. to take CPU figures at milestones. */
    void awaitDelivered(String phase, Recorder recorder, long expected, Supplier<String> deathNotice, Runnable onTick) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.delivered() < expected) {
            onTick.run();
            String died = deathNotice.get();
            if (died != null) {
                notes.add(phase + ": " + died);
                LOG.error("{}: {}", phase, died);
                return;
            }
            if (System.nanoTime() > deadline) {
                notes.add(phase + ": " + (expected - recorder.delivered()) + " of " + expected
                        + " notifications not delivered within the timeout of " + timeout.toSeconds() + " s");
                LOG.warn("{}: timed out with {} of {} delivered", phase, recorder.delivered(), expected);
                return;
            }
            if (System.nanoTime() > nextLog) {
                LOG.info("{}: {} of {} delivered", phase, recorder.delivered(), expected);
                nextLog += TimeUnit.SECONDS.toNanos(5);
            }
            Pause.millis(20);
        }
        LOG.info("{}: all {} delivered", phase, expected);
    }
}
