package io.statusnotify.cli;

import io.statusnotify.topics.TopicReadException;
import io.statusnotify.topics.TopicToEndReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a topic from its beginning (or from a time) up to the end it had when the read began, without a consumer
 * group ({@link TopicToEndReader}), its failures said in the ops commands' one line.
 */
final class TopicToEnd {
    private TopicToEnd() {
    }

    /** Every record of {@code topic}, or those written at or after {@code since} when it is not null. */
    static void read(KafkaClients clients, String topic, Instant since, Consumer<ConsumerRecord<String, byte[]>> each) {
        withConsumer(clients, topic, consumer -> {
            TopicToEndReader.read(consumer, topic, since, clients.timeout(), each);
            return null;
        });
    }

    /** Runs {@code read} of {@code topic} with a consumer of {@code clients}; a failure becomes an {@link OpsFailure}. */
    static <T> T withConsumer(KafkaClients clients, String topic, Function<KafkaConsumer<String, byte[]>, T> read) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer()) {
            return clients.call("read " + topic, () -> read.apply(consumer));
        } catch (TopicReadException e) {
            throw switch (e.reason()) {
                case NO_SUCH_TOPIC -> KafkaClients.noSuchTopic(topic);
                case NO_RECORDS -> OpsFailure.failed("cannot read " + topic + " to its end: no records for "
                        + clients.timeout().toSeconds() + " s");
            };
        }
    }
}
