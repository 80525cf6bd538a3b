package io.statusnotify.cli;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Configures the demo tenant on the tenant-config topic: enabled, sending to the demo receiver with basic auth. */
final class DemoTenant {
    static final String USERNAME = "demo";

    private DemoTenant() {
    }

    /** A fresh password per run, so nothing guessable is ever configured. */
    static Credentials newCredentials() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return new Credentials(USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static void configure(String bootstrapServers, String topic, String serverUrl, Credentials credentials) {
        TenantConfig config = new TenantConfig(true, serverUrl, credentials.username(), credentials.password());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "statusnotify-demo-tenant"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, DemoUser.TENANT, Json.write(config))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring the demo tenant");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the demo tenant's config to " + topic + ": " + e);
        }
    }
}
