package io.statusnotify.console.config;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.Json;
import io.statusnotify.tenants.ConfigSnapshot;
import io.statusnotify.tenants.ConfigWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * What the console shows of Kafka: the latest record of every key of the config topic, and the last
 * {@link #AUDIT_KEPT} audit records, each read by its own {@link TopicFollower}.
 */
public final class ConfigView implements AutoCloseable {
    public static final int AUDIT_KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigView.class);
    private final Map<String, byte[]> latest = new HashMap<>();
    private final Deque<AuditRecord> audit = new ArrayDeque<>();
    private final TopicFollower config;
    private final TopicFollower auditTrail;

    public ConfigView(Map<String, Object> kafka, String configTopic, String auditTopic) {
        this.config = new TopicFollower(kafka, configTopic, this::applyConfig);
        try {
            this.auditTrail = new TopicFollower(kafka, auditTopic, this::applyAudit);
        } catch (RuntimeException e) {
            config.close();
            throw e;
        }
    }

    /** Both topics still being read: false once a reader stopped (the pages would show a frozen view). */
    public boolean healthy() {
        return config.healthy() && auditTrail.healthy();
    }

    /** Starts reading and waits until both topics have been read to their ends. */
    public void start(Duration timeout) throws TimeoutException {
        config.start();
        auditTrail.start();
        sync(timeout);
    }

    /** After a write: waits until this view holds it. */
    public void sync(Duration timeout) throws TimeoutException {
        config.sync(timeout);
        auditTrail.sync(timeout);
    }

    /** After a write: waits until this view holds both of its records. */
    public void sync(ConfigWriter.Written written, Duration timeout) throws TimeoutException {
        config.syncPast(written.config().partition(), written.config().offset(), timeout);
        auditTrail.syncPast(written.audit().partition(), written.audit().offset(), timeout);
    }

    public synchronized ConfigSnapshot snapshot() {
        return ConfigSnapshot.of(Map.copyOf(latest));
    }

    /** Newest first. */
    public synchronized List<AuditRecord> audit() {
        List<AuditRecord> newestFirst = new ArrayList<>(audit);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private synchronized void applyConfig(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) return;
        if (record.value() == null) latest.remove(record.key());
        else latest.put(record.key(), record.value());
    }

    private synchronized void applyAudit(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) return;
        try {
            audit.addLast(Json.read(record.value(), AuditRecord.class));
            if (audit.size() > AUDIT_KEPT) audit.removeFirst();
        } catch (RuntimeException e) {
            // Every rule a writer checks, a reader checks too: a record the console cannot read is left out, said once.
            LOG.warn("Audit record at offset {} of {} left out: {}", record.offset(), record.topic(), e.getMessage());
        }
    }

    @Override
    public void close() {
        config.close();
        auditTrail.close();
    }
}
