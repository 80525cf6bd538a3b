package io.statusnotify.sink.kafka;


import io.statusnotify.logging.Throttle;
import io.statusnotify.schema.DeadLetterHeaders;
import io.statusnotify.schema.DeliveryReceipt;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.statusnotify.schema.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Everything the sink writes to Kafka: notifications moved to the retry topic, dead letters, and delivery receipts.
 * One idempotent producer, so what is sent to one partition stays in order. Callbacks run on the producer's thread
 * with null for success or the error.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Throttle RECEIPT_ERRORS = new Throttle(Duration.ofMinutes(1));

    private final Producer<String, byte[]> producer;
    private final String group;
    private final String retryTopic;
    private final String deadLetterTopic;
    private final String receiptsTopic;

    /** Writes with {@code producer} (idempotent, see {@link #producer}), which it closes. */
    public Outbox(Producer<String, byte[]> producer, String group, String retryTopic, String deadLetterTopic, String receiptsTopic) {
        this.producer = producer;
        this.group = group;
        this.retryTopic = retryTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.receiptsTopic = receiptsTopic;
    }

    /** The app's producer for it. */
    public static Producer<String, byte[]> producer(Properties kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-sink-outbox");
        // send() runs on the delivery thread: while Kafka is away it must fail fast (and be tried again) not block it.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The notification as sent (stamped: {@code sent}), to the retry topic's partition of the same number, so the same instance
     * owns the key in both topics.
     */
    public void park(ConsumerRecord<String, byte[]> source, byte[] sent, RetryHeaders.Parked parked, Consumer<Exception> done) {
        send(new ProducerRecord<>(retryTopic, source.partition(), source.key(), sent, RetryHeaders.write(parked, group)), done);
    }

    /** Original key and bytes with the reasons in headers; a record too large for the DLQ goes without its bytes. */
    public void deadLetter(ConsumerRecord<String, byte[]> source, DeadLetter letter, Consumer<Exception> done) {
        send(new ProducerRecord<>(deadLetterTopic, null, source.key(), source.value(), letter.headers()), error -> {
            if (!(error instanceof RecordTooLargeException)) {
                done.accept(error);
                return;
            }
            List<Header> headers = new ArrayList<>(letter.headers());
            headers.add(new RecordHeader(DeadLetterHeaders.ORIGINAL_OMITTED,
                    "too large for the dead-letter topic".getBytes(StandardCharsets.UTF_8)));
            send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, null, null, headers), done);
        });
    }

    /** A dead letter whose bytes are gone: key and reasons only, marked as such. */
    public void deadLetterWithoutValue(String key, DeadLetter letter, String why, Consumer<Exception> done) {
        List<Header> headers = new ArrayList<>(letter.headers());
        headers.add(new RecordHeader(DeadLetterHeaders.ORIGINAL_OMITTED, why.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, key, null, headers), done);
    }

    /** Best effort: a lost receipt is logged (at most once a minute), never retried and never blocks delivery. */
    public void receipt(String key, DeliveryReceipt receipt) {
        receipt(key, receipt, () -> { });
    }

    /**
     * The same, and {@code answered} runs (on the producer's thread) once Kafka has acknowledged or refused it, so
     * whoever waits for it (the offset of a final outcome) does not wait for a receipt that cannot be written.
     */
    public void receipt(String key, DeliveryReceipt receipt, Runnable answered) {
        send(new ProducerRecord<>(receiptsTopic, key, receiptJson(receipt)), error -> {
            if (error != null && RECEIPT_ERRORS.allow("receipt")) {
                LOG.warn("Could not write a delivery receipt to {} (logged at most once a minute): {}", receiptsTopic,
                        error.toString());
            }
            answered.run();
        });
    }

    /** The receipt as {@link Json#write} would write it, without its reflection: one of these per notification. */
    static byte[] receiptJson(DeliveryReceipt r) {
        StringBuilder json = new StringBuilder(200).append("{\"tenant\":");
        text(json, r.tenant()).append(",\"key\":");
        text(json, r.key()).append(",\"sequenceNum\":").append(r.sequenceNum()).append(",\"outcome\":");
        text(json, r.outcome()).append(",\"attempt\":").append(r.attempt()).append(",\"status\":").append(r.status())
                .append(",\"cause\":");
        text(json, r.cause()).append(",\"latencyMs\":").append(r.latencyMs()).append(",\"time\":").append(r.time())
                .append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder text(StringBuilder json, String value) {
        if (value == null) return json.append("null");
        return json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    private void send(ProducerRecord<String, byte[]> record, Consumer<Exception> done) {
        try {
            producer.send(record, (metadata, error) -> done.accept(error));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    /** The producer's own metrics (record rates, errors, buffer use) as meters; close it with the app. */
    public KafkaClientMetrics bindTo(MeterRegistry registry) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
