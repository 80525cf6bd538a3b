package io.statusnotify.cli;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Writes one record to the config topic and waits until the broker has it (acks=all). */
final class ConfigRecordWriter {
    // A write that takes longer than this will not succeed.
    private static final int WRITE_TIMEOUT_MS = 15_000;

    private ConfigRecordWriter() {
    }

    /** {@code value} null writes a tombstone. */
    static void write(String bootstrapServers, String topic, String key, byte[] value, String clientId) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, WRITE_TIMEOUT_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, WRITE_TIMEOUT_MS / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, WRITE_TIMEOUT_MS,
                ProducerConfig.CLIENT_ID_CONFIG, clientId),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the config of '" + key + "'");
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("cannot write the config of '" + key + "' to " + topic + ": " + e);
        }
    }
}
