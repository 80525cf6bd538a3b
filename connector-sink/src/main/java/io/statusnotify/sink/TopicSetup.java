package io.statusnotify.sink;

import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the sink's missing topics with its own client settings; refuses a config topic that is not compacted. */
final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    static void ensureTopics(SinkSettings settings) {
        try (Admin admin = Admin.create(settings.kafkaCopy())) {
            TopicProvisioner.ensureTopics(admin, settings.topics(), settings.layout());
            String retry = settings.topics().notificationsRetry();
            long retention = TopicProvisioner.retentionMs(admin, retry);
            long maxAge = settings.retry().maxAge().toMillis();
            if (retention >= 0 && retention <= maxAge) {
                LOG.warn("Topic {} keeps records {} ms, not longer than SNS_RETRY_MAX_AGE ({} ms): a notification parked"
                        + " that long could be deleted before it is dead-lettered. Raise its retention.ms.", retry,
                        retention, maxAge);
            }
        }
    }
}
