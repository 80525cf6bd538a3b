package io.statusnotify.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's manual check, automated: a tenant config and the seed event typed into Kafka's own console producer
 * ({@code key|value}, one line each) reach the tenant's receiver with the seed's shape and basic auth.
 */
@ExtendWith(SharedKafka.class)
class ConsoleProducerIT {
    private static final String PATH = "/notify";
    /** The README's example credentials, and the header it promises for them. */
    private static final String USERNAME = "portal";
    private static final String PASSWORD = "s3cret";
    private static final String README_AUTHORIZATION = "Basic cG9ydGFsOnMzY3JldA==";

    @Test
    void seedEventAndTenantConfigTypedIntoTheConsoleProducerReachTheReceiver(TestKafka kafka) {
        PipelineEnv env = PipelineEnv.fresh(kafka, "console").provisionTopics();
        try (RecordingReceiver receiver = RecordingReceiver.start()) {
            // given a tenant config written with the console producer
            KafkaConsoleProducer.produce(kafka.bootstrapServers(), env.topics().tenantConfig(), List.of(
                    Events.SEED_TENANT + "|" + TenantConfigs.enabled(receiver.url(PATH), USERNAME, PASSWORD)),
                    "console-producer-config");
            try (Pipeline ignored = Pipeline.start(env)) {
                // when the seed event (one line, no eventTimestamp) is written the same way
                long before = System.currentTimeMillis();
                KafkaConsoleProducer.produce(kafka.bootstrapServers(), env.topics().userStatus(),
                        List.of(Events.SEED_KEY + "|" + Events.seedEventOneLine()), "console-producer-event");

                // then the receiver gets it once, shaped exactly like the seed's example, with basic auth
                Received request = ReceiverWaits.awaitExactlyOne(receiver, PATH);
                SeedNotification.assertJsonContentType(request);
                SeedNotification.assertBasicAuth(request, USERNAME, PASSWORD);
                assertThat(README_AUTHORIZATION.equals(request.header("Authorization")))
                        .as("Authorization is the header the README shows").isTrue();
                SeedNotification.assertMatchesSeed(request.body());
                JsonNode body = SeedNotification.read(request.body());
                long created = body.get("creationTimestamp").asLong();
                assertThat(created).as("without eventTimestamp, creationTimestamp is the record's timestamp")
                        .isBetween(before, request.receivedAtMillis());
                assertThat(body.get("queueTimestamp").asLong()).isBetween(created, request.receivedAtMillis());
            }
        }
    }
}
