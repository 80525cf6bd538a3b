package io.statusnotify.system;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The seed scenario against the official {@code apache/kafka} image, for machines with Docker. Skips where there is
 * no Docker engine; {@link SeedExampleEndToEndIT} covers the same on the in-process broker everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerEndToEndIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void seedExampleReachesTheTenantsReceiverThroughTheApacheKafkaImage() {
        SeedScenario.runAgainst(KAFKA.getBootstrapServers(), "container-seed");
    }
}
