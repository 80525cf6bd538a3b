package io.statusnotify.tenants;

import io.statusnotify.schema.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes config changes: each {@link ConfigChange}'s record (or tombstone) on the config topic and its audit record
 * on the audit topic in one Kafka transaction, so both are there or neither (for readers with
 * {@code isolation.level=read_committed}). One transaction at a time: {@link #write} may be called from many threads.
 *
 * <p>{@code transactionalId} is the caller's: a process that writes now and then (the CLI) takes a fresh one per
 * run, so two runs never fence each other; a long-lived writer (the console) one of its own per instance, so a
 * restart fences (and so ends) whatever its previous run left open. A transaction left open by a process killed
 * mid-write holds back read_committed readers of both topics until it times out: twice {@code timeout}.
 */
public final class ConfigWriter implements AutoCloseable {
    /** What the CLI has always waited for a write. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, byte[]> producer;
    private final VisibleOffsets visible;
    private final String configTopic;
    private final String auditTopic;
    private final Duration timeout;
    private boolean initialized;
    private boolean unusable;

    /**
     * {@code clientConfig}: bootstrap servers and whatever security settings reach the cluster; the producer's
     * acknowledgement, idempotence and timeout settings are set here. Nothing is asked of Kafka until the first write.
     */
    public ConfigWriter(Map<String, ?> clientConfig, String transactionalId, String configTopic, String auditTopic,
                        Duration timeout) {
        this.configTopic = configTopic;
        this.auditTopic = auditTopic;
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerConfig(clientConfig, transactionalId, timeout),
                new StringSerializer(), new ByteArraySerializer());
        this.visible = new VisibleOffsets(clientConfig, transactionalId);
    }

    static Map<String, Object> producerConfig(Map<String, ?> clientConfig, String transactionalId, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE / 2, timeout.toMillis());
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A write that takes longer than the timeout will not succeed.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, millis / 2));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 2 * millis);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        return config;
    }

    /** Where the two records of a change went: a reader that has read past both has seen the change. */
    public record Written(RecordMetadata config, RecordMetadata audit) {
    }

    /**
     * Writes the change, or nothing, and returns once read_committed readers see it (the transaction's markers are
     * written after {@code commitTransaction} returns: without this wait a {@code tenant get} right after a
     * {@code tenant put} could miss it), saying where it went. Kafka's failures are thrown as they come ({@link KafkaException}; a
     * {@link TimeoutException} when Kafka did not answer within the timeout, or a topic does not exist), after the
     * transaction was aborted. After a failure that cannot be aborted (this writer fenced by another with its
     * transactional id, no authorization) every later write throws {@link IllegalStateException}: make a new writer.
     */
    public synchronized Written write(ConfigChange change) {
        if (unusable) throw new IllegalStateException("this ConfigWriter failed for good: make a new one");
        boolean inTransaction = false;
        try {
            if (!initialized) {
                producer.initTransactions();
                initialized = true;
            }
            // Both topics known before anything is sent: a missing audit topic leaves nothing on the config topic.
            producer.partitionsFor(configTopic);
            producer.partitionsFor(auditTopic);
            producer.beginTransaction();
            inTransaction = true;
            Future<RecordMetadata> config = producer.send(new ProducerRecord<>(configTopic, change.key(), change.value()));
            Future<RecordMetadata> audit = producer.send(new ProducerRecord<>(auditTopic, change.audit().key(),
                    Json.write(change.audit())));
            producer.commitTransaction();
            inTransaction = false;
            // Done already: a commit flushes every send of its transaction first.
            Written written = new Written(config.get(), audit.get());
            visible.await(List.of(written.config(), written.audit()), timeout);
            return written;
        } catch (KafkaException e) {
            recover(inTransaction, e);
            throw e;
        } catch (ExecutionException e) {
            throw new KafkaException("a committed send failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted after the commit", e);
        }
    }

    private void recover(boolean inTransaction, KafkaException failure) {
        if (!inTransaction) {
            // A timeout (Kafka unreachable, a topic missing) can be tried again; anything else here is for good.
            if (!(failure instanceof TimeoutException)) giveUp();
            return;
        }
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            giveUp();
        }
    }

    private void giveUp() {
        unusable = true;
        producer.close(Duration.ZERO);
        visible.close();
    }

    @Override
    public synchronized void close() {
        if (!unusable) {
            producer.close(timeout);
            visible.close();
        }
    }
}
