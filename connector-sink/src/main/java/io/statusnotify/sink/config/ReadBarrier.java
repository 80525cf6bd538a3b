package io.statusnotify.sink.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Lets the delivery side wait until the {@link TenantConfigView} holds every config record that was on the topic when
 * a notification was read. The streams app only builds a notification for a tenant its own view sends to, and the
 * sink's view can be a moment behind it: before a notification is dropped for a config reason, its lane waits here.
 * The delivery side numbers the notifications it reads ({@link #read()}); a round, run by the {@link ConfigFollower},
 * notes the last number given out, then takes the topic's end offsets and completes once the view has reached them:
 * it covers every notification read before it began, so many waits share one round (one end-offsets request).
 */
public final class ReadBarrier {
    private final AtomicLong reads = new AtomicLong();
    private final Queue<LongConsumer> asked = new ConcurrentLinkedQueue<>();
    /** The waits the current round serves, and the last read it covers: follower thread only. */
    private final List<LongConsumer> round = new ArrayList<>();
    private long roundCovers;
    private long roundStartedAt;

    /** A notification was read (delivery thread): its number, which every round begun from now on covers. */
    public long read() {
        return reads.incrementAndGet();
    }

    /**
     * {@code then} runs, on the follower's thread, once the view holds every record that was on the topic when the
     * notifications read so far were read; it gets the number of the last read the round covers.
     */
    public void await(LongConsumer then) {
        asked.add(then);
    }

    /** Follower: true when a round starts now; its end offsets are to be taken now, after the reads it covers. */
    boolean startRound(long now) {
        if (!round.isEmpty()) return false;
        for (LongConsumer then; (then = asked.poll()) != null; ) round.add(then);
        if (round.isEmpty()) return false;
        roundCovers = reads.get();
        roundStartedAt = now;
        return true;
    }

    /** Follower: how many waits the current round serves (0: none runs). */
    int waiting() {
        return round.size();
    }

    /** Follower: how long the current round has run. */
    long runningFor(long now) {
        return now - roundStartedAt;
    }

    /** Follower: the view has reached the round's end offsets; every wait it serves goes on. */
    void complete() {
        List<LongConsumer> served = List.copyOf(round);
        round.clear();
        served.forEach(then -> then.accept(roundCovers));
    }
}
