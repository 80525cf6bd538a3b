package io.statusnotify.cli;

import io.statusnotify.schema.GlobalSettings;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.tenants.Actor;
import io.statusnotify.tenants.ConfigChange;
import io.statusnotify.tenants.ConfigWriter;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Instant;

/**
 * The changes an ops command makes to the tenant-config topic, each with its audit record (actor: the OS user,
 * via: cli) in one transaction ({@link ConfigWriter}). "Saved" once Kafka has committed both and readers see them.
 */
final class ConfigChanges implements AutoCloseable {
    private final KafkaClients clients;
    private final TopicNames topics;
    private final Actor actor = Actor.cli();
    private ConfigWriter writer;

    ConfigChanges(KafkaClients clients, TopicNames topics) {
        this.clients = clients;
        this.topics = topics;
    }

    /** {@code action}: put, enable, disable or rekey (AuditRecord's); {@code before}: null for a new tenant. */
    void putTenant(String action, String tenant, TenantConfig before, TenantConfig after) {
        write(ConfigChange.tenant(actor, action, tenant, before, after, Instant.now()));
    }

    /** A tombstone: compaction removes the key, the apps forget the tenant. */
    void deleteTenant(String tenant, TenantConfig before) {
        write(ConfigChange.tenantDeleted(actor, tenant, before, Instant.now()));
    }

    void setGlobal(GlobalSettings before, GlobalSettings after) {
        write(ConfigChange.global(actor, before, after, Instant.now()));
    }

    private void write(ConfigChange change) {
        if (writer == null) {
            requireAuditTopic();
            writer = clients.configWriter(topics.tenantConfig(), topics.audit());
        }
        clients.call("write to " + topics.tenantConfig(), () -> {
            writer.write(change);
            return null;
        });
    }

    /** Said plainly up front: the writer would wait the whole timeout for a topic that is not there. */
    private void requireAuditTopic() {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer()) {
            clients.partitions(consumer, topics.audit());
        }
    }

    @Override
    public void close() {
        if (writer != null) writer.close();
    }
}
