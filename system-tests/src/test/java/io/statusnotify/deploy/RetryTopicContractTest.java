package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry topic's headers as the published AsyncAPI document (in the schemas jar) describes them and the sink writes them. */
class RetryTopicContractTest {

    @Test
    void retryHeadersInTheAsyncApiDocumentAreTheOnesTheSinkWrites() throws Exception {
        JsonNode headers;
        try (InputStream in = RetryTopicContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath (schemas jar)").isNotNull();
            headers = new YAMLMapper().readTree(in).path("components").path("schemas").path("retryHeaders");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Set<String> documented = new TreeSet<>();
        headers.path("properties").fieldNames().forEachRemaining(documented::add);

        assertThat(documented).isNotEmpty().containsExactlyInAnyOrderElementsOf(sinkRetryHeaders());
    }

    /** The header names of io.statusnotify.sink.RetryHeaders (package-private: read by reflection). */
    private static Set<String> sinkRetryHeaders() throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (Field field : Class.forName("io.statusnotify.sink.RetryHeaders").getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) continue;
            field.setAccessible(true);
            String value = (String) field.get(null);
            if (value.startsWith("sns.retry.")) names.add(value);
        }
        return names;
    }
}
