package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry topic's headers and the DLQ's reasons as the published AsyncAPI document (in the schemas jar) describes them and the sink writes them. */
class RetryTopicContractTest {

    @Test
    void retryHeadersInTheAsyncApiDocumentAreTheOnesTheSinkWrites() {
        JsonNode headers = schema("retryHeaders");
        Set<String> documented = new TreeSet<>();
        headers.path("properties").fieldNames().forEachRemaining(documented::add);

        assertThat(documented).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                AppConstants.withPrefix("io.statusnotify.sink.kafka.RetryHeaders", "sns.retry."));
    }

    @Test
    void deadLetterReasonsInTheAsyncApiDocumentAreTheOnesTheSinkWrites() {
        Set<String> documented = new TreeSet<>();
        schema("notificationDeadLetterHeaders").path("properties").path("sns.error.reason").path("enum")
                .forEach(reason -> documented.add(reason.asText()));

        Set<String> written = new TreeSet<>(AppConstants.withPrefix("io.statusnotify.sink.kafka.DeadLetter", ""));
        written.addAll(AppConstants.withPrefix("io.statusnotify.sink.http.DestinationRefusedException", ""));
        assertThat(documented).isNotEmpty().isEqualTo(written);
    }

    private static JsonNode schema(String name) {
        try (InputStream in = RetryTopicContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath (schemas jar)").isNotNull();
            return new YAMLMapper().readTree(in).path("components").path("schemas").path(name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
