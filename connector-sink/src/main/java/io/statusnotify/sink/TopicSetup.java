package io.statusnotify.sink;

import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TopicProvisioner} and tolerates the short window in which a topic just created is not yet known to
 * the broker answering the config check (seen as UnknownTopicOrPartitionException right after creation).
 */
final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final int ATTEMPTS = 20;
    private static final long PAUSE_MILLIS = 250;

    private TopicSetup() {
    }

    static void ensureTopics(SinkSettings settings) {
        try (Admin admin = Admin.create(settings.kafkaCopy())) {
            for (int attempt = 1; ; attempt++) {
                try {
                    TopicProvisioner.ensureTopics(admin, settings.topics(), settings.layout());
                    return;
                } catch (IllegalStateException e) {
                    if (attempt >= ATTEMPTS || !causedByUnknownTopic(e)) throw e;
                    LOG.debug("Topics not visible yet (attempt {}), checking again", attempt);
                    pause();
                }
            }
        }
    }

    private static boolean causedByUnknownTopic(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownTopicOrPartitionException) return true;
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        }
    }
}
