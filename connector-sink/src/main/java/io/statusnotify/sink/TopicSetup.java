package io.statusnotify.sink;

import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

/** Creates the sink's missing topics with its own client settings; refuses a config topic that is not compacted. */
final class TopicSetup {
    private TopicSetup() {
    }

    static void ensureTopics(SinkSettings settings) {
        try (Admin admin = Admin.create(settings.kafkaCopy())) {
            TopicProvisioner.ensureTopics(admin, settings.topics(), settings.layout());
        }
    }
}
