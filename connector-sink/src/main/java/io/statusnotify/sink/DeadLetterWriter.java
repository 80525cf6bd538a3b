package io.statusnotify.sink;

import io.statusnotify.schema.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/** Writes a dead letter (original key and bytes, reasons in headers) and waits until the broker has it. */
final class DeadLetterWriter implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    DeadLetterWriter(Properties kafka, String topic) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-sink-dlq");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Blocks until acknowledged; throws when the broker did not take it (the source offset then stays undone). A
     * record too large for the DLQ topic is written without its key and bytes, so it cannot block its partition.
     */
    void write(ConsumerRecord<String, byte[]> source, DeadLetter letter) throws InterruptedException, ExecutionException {
        try {
            producer.send(new ProducerRecord<>(topic, null, source.key(), source.value(), letter.headers())).get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RecordTooLargeException)) throw e;
            List<Header> headers = new ArrayList<>(letter.headers());
            headers.add(new RecordHeader(DeadLetterHeaders.ORIGINAL_OMITTED,
                    "too large for the dead-letter topic".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<String, byte[]>(topic, null, null, null, headers)).get();
        }
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
