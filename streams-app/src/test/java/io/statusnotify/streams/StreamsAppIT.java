package io.statusnotify.streams;

import io.statusnotify.schema.DeadLetterHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static io.statusnotify.streams.TopologyFixture.golden;
import static io.statusnotify.streams.TopologyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The streams app against a real in-process KRaft broker. */
@ExtendWith(SharedKafka.class)
class StreamsAppIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    /** Settings with topics and an application id no other test uses. */
    private StreamsSettings settingsFor(TestKafka kafka, String name) {
        String prefix = TestKafka.uniqueName(name);
        Map<String, String> env = new HashMap<>(TopicNames.prefixed(prefix).asEnvironment());
        env.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SNS_APPLICATION_ID", prefix + "-app",
                "SNS_STATE_DIR", stateDir.toString(),
                "SNS_TOPIC_PARTITIONS", "2"));
        return StreamsSettings.from(Settings.of(env));
    }

    @Test
    void eventOfAnEnabledTenantBecomesANotificationExactlyOnce(TestKafka kafka) throws Exception {
        // given a running app and an enabled tenant
        StreamsSettings settings = settingsFor(kafka, "flow");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // (the config is on the topic before the app starts, so it is part of the view the app starts with)
        TopicProvisioner.ensureTopics(kafka.admin(), settings.topics(), settings.layout());
        kafka.send(settings.topics().tenantConfig(), "Default",
                "{\"enabled\":true,\"serverUrl\":\"http://127.0.0.1:1/hook\",\"username\":\"u\",\"password\":\"p\"}");
        try (StreamsApp app = StreamsApp.start(settings, registry)) {
            await().atMost(TIMEOUT).until(app::isRunning);

            // when the portal produces the seed event, and a broken one
            kafka.send(settings.topics().userStatus(), "Default/2727", golden("seed-event.json"));
            kafka.send(settings.topics().userStatus(), "Default/2727", "not json");

            // then the notification carries the seed body, and the broken event is dead-lettered
            List<ConsumerRecord<String, byte[]>> out = kafka.awaitRecords(settings.topics().notifications(), 1, TIMEOUT);
            assertThat(out).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("Default/2727");
                JsonNode body = json(r.value());
                assertThat(body.get("userStatusNotification"))
                        .isEqualTo(json(golden("seed-notification.json")).get("userStatusNotification"));
                assertThat(body.get("creationTimestamp").asLong()).isEqualTo(1764079200000L);
            });
            List<ConsumerRecord<String, byte[]>> dead = kafka.awaitRecords(settings.topics().userStatusDlq(), 1, TIMEOUT);
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(new String(r.value())).isEqualTo("not json");
                assertThat(TestKafka.header(r, DeadLetterHeaders.REASON)).isEqualTo("not-json");
                assertThat(TestKafka.header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(settings.topics().userStatus());
            });
            // and the output was written in Kafka transactions (exactly_once_v2)
            assertThat(transactionalIds(kafka)).anyMatch(id -> id.startsWith(settings.applicationId()));
            assertThat(registry.get(PipelineMeters.NOTIFICATIONS_OUT).counter().count()).isEqualTo(1);
        }
    }

    @Test
    void startRefusesAConfigTopicThatIsNotCompacted(TestKafka kafka) {
        StreamsSettings settings = settingsFor(kafka, "uncompacted");
        kafka.createTopic(settings.topics().tenantConfig(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));

        assertThatThrownBy(() -> StreamsApp.start(settings, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(settings.topics().tenantConfig())
                .hasMessageContaining("must be compacted");
    }

    @Test
    void closeStopsTheAppWithinTheBound(TestKafka kafka) {
        StreamsSettings settings = settingsFor(kafka, "close");
        StreamsApp app = StreamsApp.start(settings, new SimpleMeterRegistry());
        await().atMost(TIMEOUT).until(app::isRunning);

        long started = System.nanoTime();
        app.close();

        assertThat(app.isRunning()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    private static List<String> transactionalIds(TestKafka kafka) throws Exception {
        Collection<TransactionListing> listings = kafka.admin().listTransactions().all().get(30, TimeUnit.SECONDS);
        return listings.stream().map(TransactionListing::transactionalId).toList();
    }

    @Test
    void anEventTooLargeToNotifyIsSetAsideAndTheAppGoesOn(TestKafka kafka) throws Exception {
        // given an enabled tenant and an event that fits on the input topic, but whose notification will not
        StreamsSettings settings = settingsFor(kafka, "oversized");
        TopicProvisioner.ensureTopics(kafka.admin(), settings.topics(), settings.layout());
        kafka.send(settings.topics().tenantConfig(), "Default",
                "{\"enabled\":true,\"serverUrl\":\"http://127.0.0.1:1/hook\",\"username\":\"u\",\"password\":\"p\"}");
        String head = "{\"user\":{\"userName\":\"kram\",\"memberID\":\"2727\",\"userState\":\"Online\","
                + "\"tenantName\":\"Default\",\"displayName\":\"";
        String tail = "\"}}";
        String huge = head + "x".repeat(1_048_420 - head.length() - tail.length()) + tail;
        Properties props = kafka.producerProps();
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(settings.topics().userStatus(), 0, "Default/2727",
                    huge.getBytes(StandardCharsets.UTF_8))).get();
        }

        try (StreamsApp app = StreamsApp.start(settings, new SimpleMeterRegistry())) {
            // when a normal event follows on the same partition
            kafka.send(settings.topics().userStatus(), "Default/2727",
                    "{\"user\":{\"userName\":\"kram\",\"memberID\":\"2727\",\"userState\":\"Busy\",\"tenantName\":\"Default\"}}");

            // then the normal one becomes a notification; the huge one is set aside (without its bytes, which would
            // not fit either), saying where it is
            List<ConsumerRecord<String, byte[]>> out = kafka.awaitRecords(settings.topics().notifications(), 1, TIMEOUT);
            assertThat(out).singleElement().satisfies(r -> assertThat(new String(r.value())).contains("\"Busy\""));
            List<ConsumerRecord<String, byte[]>> dead = kafka.awaitRecords(settings.topics().userStatusDlq(), 1, TIMEOUT);
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(TestKafka.header(r, DeadLetterHeaders.REASON)).isEqualTo("too-large");
                assertThat(r.value()).isNull();
                assertThat(TestKafka.header(r, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
                assertThat(r.key()).isEqualTo("Default/2727");
            });
            assertThat(app.isRunning()).isTrue();
        }
    }
}
