package io.statusnotify.cli;

import java.util.function.Consumer;

/** Watches a running part from a daemon thread and reports when it ends by failing rather than by being asked to. */
final class FailureWatch {
    /** Blocks until a part ends; true when it was asked to stop, false when it failed. */
    interface Termination {
        boolean await() throws InterruptedException;
    }

    private FailureWatch() {
    }

    static void start(String part, Termination termination, Consumer<String> onFailure) {
        Thread watcher = new Thread(() -> {
            try {
                if (!termination.await()) {
                    onFailure.accept(part + " failed (see the log above)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "statusnotify-watch-" + part.replace(' ', '-'));
        watcher.setDaemon(true);
        watcher.start();
    }
}
