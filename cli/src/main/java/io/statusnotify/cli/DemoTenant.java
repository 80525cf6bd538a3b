package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The demo tenant on the tenant-config topic: configured (enabled, sending to the demo receiver with basic auth)
 * while the demo runs, removed (a tombstone) when it stops.
 */
final class DemoTenant {
    static final String USERNAME = "demo";
    /** The shape of every serverUrl a demo configures: its receiver on the loopback address. */
    private static final Pattern DEMO_URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d{1,5}" + DemoReceiver.PATH);
    // The broker is local: a write that takes longer than this will not succeed.
    private static final int WRITE_TIMEOUT_MS = 15_000;

    private DemoTenant() {
    }

    /** A fresh password per run, so nothing guessable is ever configured. */
    static Credentials newCredentials() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return new Credentials(USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Writes the demo tenant, its password sealed with {@code box}. */
    static void configure(String bootstrapServers, String topic, String serverUrl, Credentials credentials, SecretBox box) {
        TenantConfig config = new TenantConfig(true, serverUrl, credentials.username(),
                box.seal(DemoUser.TENANT, TenantConfig.PASSWORD, credentials.password()), null, null, null, null, null, null);
        write(bootstrapServers, topic, Json.write(config));
    }

    /** Writes a tombstone: the apps forget the tenant and drop its queued notifications instead of retrying them. */
    static void remove(String bootstrapServers, String topic) {
        write(bootstrapServers, topic, null);
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
    static String removeLeftover(String bootstrapServers, String topic) {
        byte[] latest = LatestConfigRecord.valueOf(bootstrapServers, topic, DemoUser.TENANT, Duration.ofSeconds(30));
        if (latest != null && ConfigEntry.parse(DemoUser.TENANT, latest) instanceof ConfigEntry.Tenant tenant
                && isLeftFromADemo(tenant.config())) {
            remove(bootstrapServers, topic);
            return tenant.config().serverUrl();
        }
        return null;
    }

    private static void write(String bootstrapServers, String topic, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, WRITE_TIMEOUT_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, WRITE_TIMEOUT_MS / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, WRITE_TIMEOUT_MS,
                ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-demo-tenant"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, DemoUser.TENANT, value)).get(WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the demo tenant's config");
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("cannot write the demo tenant's config to " + topic + ": " + e);
        }
    }
}
