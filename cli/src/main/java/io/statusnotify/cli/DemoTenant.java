package io.statusnotify.cli;

import io.statusnotify.schema.AuditRecord;
import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import io.statusnotify.tenants.Actor;
import io.statusnotify.tenants.ConfigChange;
import io.statusnotify.tenants.ConfigWriter;
import io.statusnotify.topics.TopicNames;
import org.apache.kafka.common.KafkaException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo tenant on the tenant-config topic: configured (enabled, sending to the demo receiver with basic auth)
 * while the demo runs, removed (a tombstone) when it stops.
 */
final class DemoTenant {
    static final String USERNAME = "demo";
    /** The shape of every serverUrl a demo configures: its receiver on the loopback address. */
    private static final Pattern DEMO_URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d{1,5}" + DemoReceiver.PATH);

    private DemoTenant() {
    }

    /** A fresh password per run, so nothing guessable is ever configured. */
    static Credentials newCredentials() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return new Credentials(USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Writes the demo tenant, its password sealed with {@code box}; returns the record written. */
    static TenantConfig configure(String bootstrapServers, TopicNames topics, String serverUrl, Credentials credentials,
                                  SecretBox box) {
        TenantConfig config = new TenantConfig(true, serverUrl, credentials.username(),
                box.seal(DemoUser.TENANT, TenantConfig.PASSWORD, credentials.password()), null, null, null, null, null, null);
        TenantConfig before = current(bootstrapServers, topics.tenantConfig());
        write(bootstrapServers, topics, ConfigChange.tenant(Actor.cli(), AuditRecord.PUT, DemoUser.TENANT, before, config,
                Instant.now()));
        return config;
    }

    /**
     * Writes a tombstone: the apps forget the tenant and drop its queued notifications instead of retrying them.
     * {@code before}: the demo tenant's record until now.
     */
    static void remove(String bootstrapServers, TopicNames topics, TenantConfig before) {
        write(bootstrapServers, topics, ConfigChange.tenantDeleted(Actor.cli(), DemoUser.TENANT, before, Instant.now()));
    }

    /** Whether {@code config} is one a demo wrote (and so points at a demo receiver that is gone with its run). */
    static boolean isLeftFromADemo(TenantConfig config) {
        return USERNAME.equals(config.username()) && config.serverUrl() != null
                && DEMO_URL.matcher(config.serverUrl()).matches();
    }

    /**
     * Removes the demo tenant when its latest config is one a demo wrote: an {@code up} killed before it could
     * remove it leaves its notifications queued for a receiver that is gone, and they would be retried for minutes
     * before anyone else's. Returns the removed config's serverUrl, or null when there was nothing to remove.
     */
    static String removeLeftover(String bootstrapServers, TopicNames topics) {
        TenantConfig leftover = current(bootstrapServers, topics.tenantConfig());
        if (leftover != null && isLeftFromADemo(leftover)) {
            remove(bootstrapServers, topics, leftover);
            return leftover.serverUrl();
        }
        return null;
    }

    /** The demo tenant's usable record now, or null. */
    private static TenantConfig current(String bootstrapServers, String topic) {
        byte[] latest = LatestConfigRecord.valueOf(bootstrapServers, topic, DemoUser.TENANT, Duration.ofSeconds(30));
        return latest != null && ConfigEntry.parse(DemoUser.TENANT, latest) instanceof ConfigEntry.Tenant tenant
                ? tenant.config() : null;
    }

    /** With its audit record, as every config change; one run of up at a time writes it, so one transactional id. */
    private static void write(String bootstrapServers, TopicNames topics, ConfigChange change) {
        try (ConfigWriter writer = new ConfigWriter(Map.of("bootstrap.servers", bootstrapServers), "statusnotify-demo-tenant",
                topics.tenantConfig(), topics.audit(), ConfigWriter.DEFAULT_TIMEOUT)) {
            writer.write(change);
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot write the config of '" + DemoUser.TENANT + "' to "
                    + topics.tenantConfig() + ": " + e);
        }
    }
}
