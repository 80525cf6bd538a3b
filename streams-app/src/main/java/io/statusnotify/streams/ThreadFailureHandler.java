package io.statusnotify.streams;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies: replace it when the cause is transient (the broker was away, a request
 * timed out), otherwise stop this instance, so a persistent failure shows as a stopped app instead of a thread
 * failing over and over on the same record.
 */
final class ThreadFailureHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailureHandler.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (isTransient(exception)) {
            LOG.warn("Stream thread failed on a transient error; replacing it", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("Stream thread failed; stopping this instance", exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
