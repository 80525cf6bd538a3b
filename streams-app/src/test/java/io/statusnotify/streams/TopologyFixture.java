package io.statusnotify.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.User;
import io.statusnotify.schema.UserStatusEvent;
import io.statusnotify.settings.Settings;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The real topology in a TopologyTestDriver, with the topics and meters the tests look at. */
final class TopologyFixture implements AutoCloseable {
    static final Path GOLDEN = Path.of("../schemas/src/test/resources/golden");
    static final TopicNames TOPICS = TopicNames.defaults();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> events;
    final TestInputTopic<String, byte[]> config;
    final TestOutputTopic<String, byte[]> notifications;
    final TestOutputTopic<String, byte[]> dlq;

    TopologyFixture(Path stateDir) {
        this(stateDir, true);
    }

    TopologyFixture(Path stateDir, boolean allowTenantConfigByDefault) {
        this(stateDir, Map.of("SNS_ALLOW_TENANT_CONFIG_DEFAULT", Boolean.toString(allowTenantConfigByDefault)));
    }

    /** With more settings, e.g. {@code SNS_MAX_RECORD_BYTES}. */
    TopologyFixture(Path stateDir, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KAFKA_BOOTSTRAP_SERVERS", "unused:9092");
        all.put("SNS_STATE_DIR", stateDir.toString());
        StreamsSettings settings = StreamsSettings.from(Settings.of(all));
        Properties props = settings.streamsProperties();
        driver = new TopologyTestDriver(NotificationTopology.build(settings.topology(), registry), props);
        events = driver.createInputTopic(TOPICS.userStatus(), new StringSerializer(), new ByteArraySerializer());
        config = driver.createInputTopic(TOPICS.tenantConfig(), new StringSerializer(), new ByteArraySerializer());
        notifications = driver.createOutputTopic(TOPICS.notifications(), new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(TOPICS.userStatusDlq(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    static byte[] golden(String name) {
        try {
            return Files.readAllBytes(GOLDEN.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UserStatusEvent event(String tenant, String member, String userState) {
        UserStatusEvent seed = Json.read(golden("seed-event.json"), UserStatusEvent.class);
        User u = seed.user();
        User user = new User(member, u.displayName(), member, userState, tenant, u.accessType(), u.extension());
        return new UserStatusEvent(user, seed.room(), seed.conference(), seed.endpoint(), seed.endpointDetails(),
                seed.gateway(), seed.contextAwareLinking(), seed.eventTimestamp());
    }

    void enable(String tenant) {
        configure(tenant, "{\"enabled\":true,\"serverUrl\":\"https://hooks.example.com/" + tenant
                + "\",\"username\":\"u\",\"password\":\"p\"}");
    }

    void disable(String tenant) {
        configure(tenant, "{\"enabled\":false}");
    }

    void globalSwitch(boolean allow) {
        configure(GlobalSettings.KEY, "{\"allowTenantConfig\":" + allow + "}");
    }

    void configure(String key, String value) {
        config.pipeInput(key, value.getBytes(StandardCharsets.UTF_8));
    }

    void tombstone(String key) {
        config.pipeInput(key, (byte[]) null);
    }

    void send(UserStatusEvent event) {
        events.pipeInput(event.userKey(), Json.write(event));
    }

    void send(String key, byte[] value) {
        events.pipeInput(key, value);
    }

    List<TestRecord<String, byte[]>> notifications() {
        return notifications.readRecordsToList();
    }

    double count(String meter, String tagKey, String tagValue) {
        Counter counter = registry.find(meter).tag(tagKey, tagValue).counter();
        return counter == null ? 0 : counter.count();
    }

    double count(String meter) {
        Counter counter = registry.find(meter).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
