package io.statusnotify.system;

import io.statusnotify.streams.SequenceNumbers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays the portal (and the admin pages): a plain {@link KafkaProducer} of string keys and JSON strings. Each send
 * waits for the broker and returns the sequenceNum the notification built from that record must carry.
 */
final class PortalProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    PortalProducer(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    /** Sends and returns the expected sequenceNum: derived from the record's partition and offset. */
    long send(String topic, String key, String value) {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            return SequenceNumbers.of(written.partition(), written.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
