package io.statusnotify.settings;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SettingsExceptionTest {

    @Test
    void aKafkaConfigErrorNamesTheVariableItCameFrom() {
        // given a client config Kafka refuses, as a KAFKA_* variable would pass it through
        ConfigException refused = catchThrowableOfType(ConfigException.class, () -> new ProducerConfig(Map.of(
                "bootstrap.servers", "localhost:9092", "security.protocol", "BOGUS",
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class)));

        // when / then
        assertThat(SettingsException.fromKafka(refused).getMessage())
                .startsWith("KAFKA_SECURITY_PROTOCOL: ").contains("BOGUS");
    }

    @Test
    void aStartRefusedForAWrappedKafkaConfigNamesTheVariableAndOtherKafkaFailuresAreThrownOn() {
        // given a refused config wrapped as Kafka's clients wrap it, and an unrelated Kafka failure
        ConfigException refused = new ConfigException("Invalid value BOGUS for configuration security.protocol");
        KafkaException wrapped = new KafkaException("Failed to create new KafkaAdminClient", refused);
        KafkaException unrelated = new KafkaException("broker went away");

        // when / then
        assertThat(SettingsException.whyNotStarted(wrapped)).startsWith("KAFKA_SECURITY_PROTOCOL: ").contains("BOGUS");
        assertThat(SettingsException.whyNotStarted(new IllegalStateException("topic not compacted")))
                .isEqualTo("topic not compacted");
        assertThatThrownBy(() -> SettingsException.whyNotStarted(unrelated)).isSameAs(unrelated);
    }
}
