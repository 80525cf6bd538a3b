package io.statusnotify.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when" scenario on any broker: a tenant config for "Default" pointing at a real receiver with
 * credentials, the seed example (input form) produced by a plain KafkaProducer, and the checks on what arrives.
 */
final class SeedScenario {
    static final String USERNAME = "portal-hook";
    static final String PASSWORD = "not-a-real-secret-42";
    static final String PATH = "/hooks/default";

    private SeedScenario() {
    }

    static void runAgainst(String bootstrapServers, String testName) {
        PipelineEnv env = PipelineEnv.fresh(bootstrapServers, testName).provisionTopics();
        try (RecordingReceiver receiver = RecordingReceiver.start();
             PortalProducer portal = new PortalProducer(bootstrapServers)) {
            // given
            portal.send(env.topics().tenantConfig(), Events.SEED_TENANT,
                    TenantConfigs.enabled(receiver.url(PATH), USERNAME, PASSWORD));
            try (Pipeline ignored = Pipeline.start(env)) {
                // when
                long sequenceNum = portal.send(env.topics().userStatus(), Events.SEED_KEY, Events.seedEvent());

                // then
                Received request = ReceiverWaits.awaitExactlyOne(receiver, PATH);
                SeedNotification.assertJsonContentType(request);
                SeedNotification.assertBasicAuth(request, USERNAME, PASSWORD);
                SeedNotification.assertMatchesSeed(request.body());
                JsonNode body = SeedNotification.read(request.body());
                assertThat(body.get("sequenceNum").asLong()).as("sequenceNum from the input partition and offset")
                        .isEqualTo(sequenceNum);
                assertThat(body.get("creationTimestamp").asLong()).as("creationTimestamp is the event's eventTimestamp")
                        .isEqualTo(Events.SEED_EVENT_TIMESTAMP);
                assertThat(body.get("queueTimestamp").asLong()).as("queueTimestamp")
                        .isGreaterThanOrEqualTo(Events.SEED_EVENT_TIMESTAMP)
                        .isLessThanOrEqualTo(request.receivedAtMillis());
            }
        }
    }
}
