package io.statusnotify.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/** What {@code up} has started, closed in reverse order: a part never loses what it depends on before it stops. */
final class RunningParts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningParts.class);
    private final Deque<Part> parts = new ArrayDeque<>();

    private record Part(String name, AutoCloseable closeable) {
    }

    <T extends AutoCloseable> T add(String name, T part) {
        parts.push(new Part(name, part));
        return part;
    }

    @Override
    public void close() {
        boolean interrupted = false;
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            // An interrupt must not cut the remaining parts' shutdown short; it is restored at the end.
            interrupted |= Thread.interrupted();
            try {
                LOG.info("Stopping {}", part.name());
                part.closeable().close();
            } catch (Exception e) {
                // Keep stopping the rest: a part that fails to close must not leave the broker running.
                LOG.warn("{} did not stop cleanly: {}", part.name(), e.toString());
            }
        }
        if (interrupted || Thread.interrupted()) {
            Thread.currentThread().interrupt();
        }
    }
}
