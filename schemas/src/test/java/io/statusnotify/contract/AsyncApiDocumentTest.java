package io.statusnotify.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.statusnotify.schema.DeadLetterHeaders;
import io.statusnotify.topics.TopicNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** asyncapi.yaml, the published description of the topics: its references resolve and it names the real topics. */
class AsyncApiDocumentTest {
    private static final Set<String> APPS = Set.of("portal", "ops", "streams-app", "connector-sink", "tools");

    private final JsonNode document = read("/asyncapi.yaml", new YAMLMapper());

    @Test
    void documentIsAsyncApi3WithAChannelPerTopic() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("channels").size()).isEqualTo(TopicNames.class.getRecordComponents().length);
    }

    @Test
    void channelAddressesAreTheDefaultTopicNames() {
        TopicNames defaults = TopicNames.defaults();
        Set<String> topics = Set.copyOf(List.of(defaults.userStatus(), defaults.tenantConfig(), defaults.notifications(),
                defaults.userStatusDlq(), defaults.notificationsDlq(), defaults.notificationsRetry(),
                defaults.deliveryReceipts(), defaults.audit()));

        assertThat(channels().stream().map(c -> c.path("address").asText())).containsExactlyInAnyOrderElementsOf(topics);
        for (JsonNode channel : channels()) {
            assertThat(channel.path("bindings").path("kafka").path("topic").asText())
                    .as("Kafka binding of %s", channel.path("address")).isEqualTo(channel.path("address").asText());
        }
    }

    @Test
    void everyReferenceToAnotherFileResolvesToAJsonSchemaShippedWithIt() {
        List<String> external = refs().stream().filter(ref -> !ref.startsWith("#")).toList();
        assertThat(external).isNotEmpty();

        for (String ref : external) {
            URL file = AsyncApiDocumentTest.class.getResource("/" + Path.of(ref).normalize());
            assertThat(file).as("%s next to asyncapi.yaml", ref).isNotNull();
            assertThat(read("/" + Path.of(ref).normalize(), new ObjectMapper()).path("$schema").asText())
                    .as("%s is a JSON Schema", ref).startsWith("https://json-schema.org/");
        }
    }

    @Test
    void everyReferenceInsideTheDocumentPointsAtSomething() {
        for (String ref : refs().stream().filter(ref -> ref.startsWith("#")).toList()) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s", ref).isFalse();
        }
    }

    @Test
    void everyJsonSchemaOfTheProjectIsThePayloadOfSomeMessage() throws IOException, URISyntaxException {
        Path schemas = Path.of(AsyncApiDocumentTest.class.getResource("/schemas").toURI());
        Set<String> published = new TreeSet<>();
        refs().stream().filter(ref -> !ref.startsWith("#")).map(ref -> Path.of(ref).getFileName().toString())
                .forEach(published::add);

        try (Stream<Path> files = Files.list(schemas)) {
            assertThat(files.map(f -> f.getFileName().toString())).isNotEmpty().allSatisfy(
                    name -> assertThat(published).as("schemas referenced by asyncapi.yaml").contains(name));
        }
    }

    @Test
    void deadLetterHeadersAreTheOnesTheAppsWrite() {
        JsonNode schemas = document.path("components").path("schemas");
        Set<String> documented = new TreeSet<>();
        documented.addAll(propertyNames(schemas.path("userStatusDeadLetterHeaders")));
        documented.addAll(propertyNames(schemas.path("notificationDeadLetterHeaders")));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(constants(DeadLetterHeaders.class));
    }

    @Test
    void everyChannelHasAWriterAndAReaderNamingTheirApp() {
        Map<String, Set<String>> actions = new HashMap<>();
        document.path("operations").forEach(operation -> {
            String channel = operation.path("channel").path("$ref").asText();
            actions.computeIfAbsent(channel, c -> new TreeSet<>()).add(operation.path("action").asText());
            assertThat(operation.path("tags").findValuesAsText("name")).as("app of %s", channel)
                    .hasSize(1).allSatisfy(app -> assertThat(APPS).contains(app));
        });

        document.path("channels").fieldNames().forEachRemaining(name ->
                assertThat(actions.get("#/channels/" + name)).as("operations on %s", name)
                        .containsExactlyInAnyOrder("send", "receive"));
    }

    private List<JsonNode> channels() {
        List<JsonNode> channels = new ArrayList<>();
        document.path("channels").forEach(channels::add);
        return channels;
    }

    private List<String> refs() {
        return document.findValuesAsText("$ref");
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> constants(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
