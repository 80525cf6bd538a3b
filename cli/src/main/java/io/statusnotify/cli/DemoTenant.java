package io.statusnotify.cli;

import io.statusnotify.schema.ConfigEntry;
import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.SecretBox;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
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
        ConfigRecordWriter.write(bootstrapServers, topic, DemoUser.TENANT, value, "statusnotify-demo-tenant");
    }
}
