package io.statusnotify.tenants;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The producer of the config writer: transactional, acknowledged by every in-sync replica, bounded by the timeout. */
class ConfigWriterTest {

    @Test
    void givenTheDefaultTimeoutThenAWriteIsBoundedAsTheCliAlwaysBoundedIt() {
        Map<String, Object> config = ConfigWriter.producerConfig(
                Map.of("bootstrap.servers", "k1:9092", "security.protocol", "SSL", "acks", "1"), "console-1",
                ConfigWriter.DEFAULT_TIMEOUT);

        assertThat(config).contains(entry("bootstrap.servers", "k1:9092"), entry("security.protocol", "SSL"),
                entry("transactional.id", "console-1"), entry("client.id", "console-1"), entry("acks", "all"),
                entry("enable.idempotence", true), entry("max.block.ms", 15_000), entry("request.timeout.ms", 7_500),
                entry("delivery.timeout.ms", 15_000), entry("transaction.timeout.ms", 30_000));
    }

    @Test
    void givenAClientIdThenItIsKept() {
        assertThat(ConfigWriter.producerConfig(Map.of("client.id", "statusnotify-ops"), "cli-1", Duration.ofSeconds(2)))
                .contains(entry("client.id", "statusnotify-ops"), entry("max.block.ms", 2_000));
    }

    @Test
    void theReaderSeesCommittedRecordsOnlyAndJoinsNoGroup() {
        assertThat(LatestConfigRecords.readerConfig(Map.of("bootstrap.servers", "k1:9092", "group.id", "g")))
                .containsEntry("isolation.level", "read_committed").containsEntry("enable.auto.commit", false)
                .doesNotContainKey("group.id");
    }
}
