package io.statusnotify.sink.engine;

import java.util.PriorityQueue;

/** Things the engine must do at a later time (epoch ms); run on the engine thread by {@link #runDue}. */
final class Timers {
    private record Timer(long at, long sequence, Runnable action) {
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.sequence, b.sequence));
    private long sequence;

    void at(long epochMillis, Runnable action) {
        queue.add(new Timer(epochMillis, sequence++, action));
    }

    /** Millis until the next timer is due (0 when one is), or {@code ceiling} when that is sooner or none is set. */
    long millisUntilNext(long now, long ceiling) {
        Timer next = queue.peek();
        return next == null ? ceiling : Math.max(0, Math.min(ceiling, next.at - now));
    }

    void runDue(long now) {
        while (!queue.isEmpty() && queue.peek().at <= now) {
            queue.poll().action.run();
        }
    }
}
