package io.statusnotify.sink.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Work handed to the delivery thread by the HTTP, producer, reader and config threads (their callbacks): queued by
 * {@link #execute} from any thread, run by the engine loop. The one way back onto the delivery thread, so the
 * dispatcher and the outcomes need it and not the engine itself.
 */
final class EngineTasks implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    /** Any thread. */
    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /**
     * Delivery thread: runs what was queued when it was called; what those tasks queue, and what other threads queue
     * meanwhile, waits for the next turn. Draining until empty never ended under a steady flood of HTTP callbacks, and
     * the loop neither polled nor committed for as long (seconds on a loaded machine).
     */
    void runAll() {
        for (int queued = queue.size(); queued > 0; queued--) {
            Runnable task = queue.poll();
            if (task == null) return;
            task.run();
        }
    }

    /** Delivery thread: runs the next task, waiting for one up to {@code timeoutMillis}. */
    void runNext(long timeoutMillis) throws InterruptedException {
        Runnable task = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (task != null) task.run();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
