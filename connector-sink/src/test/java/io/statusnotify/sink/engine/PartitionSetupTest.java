package io.statusnotify.sink.engine;

import io.statusnotify.sink.status.SinkMetrics;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine does with what the group assigns, over MockConsumer (whose rebalances are incremental, as the
 * consumer group protocol's): a pair (partition N of both topics) is set up together or not at all, a setup that
 * cannot read its offsets is tried again without a rebalance, and every partition given and given up is counted.
 */
class PartitionSetupTest {
    private EngineFixture sink;

    @AfterEach
    void close() {
        if (sink != null) sink.close();
    }

    @Test
    void givenCommittedOffsetsCannotBeRead_whenAPairIsAssigned_thenItStaysPausedAndIsSetUpAgainShortly() {
        sink = EngineFixture.start().tenants("acme");
        sink.consumer.setOffsetsException(new KafkaException("broker not answering"));

        sink.handOver(sink.notifications(0), sink.retry(0));

        assertThat(sink.consumer.paused()).containsExactlyInAnyOrder(sink.notifications(0), sink.retry(0));
        assertThat(sink.core.engine.hasPartitions()).isFalse();
        assertThat(sink.consumer.shouldRebalance()).as("no rebalance asked for: the group protocol has none").isFalse();
        sink.notification(0, "acme", "m1", 1);
        sink.step();
        assertThat(sink.sender.sent()).as("nothing of a pair not set up is delivered").isEmpty();

        sink.advance(PartitionSetup.RETRY_AFTER);
        sink.step(); // sets the pair up; its retry partition's count comes back through the engine's tasks
        sink.step();

        assertThat(sink.consumer.paused()).isEmpty();
        assertThat(sink.core.engine.hasPartitions()).isTrue();
        sink.notification(0, "acme", "m2", 2);
        sink.step();
        assertThat(sink.sender.open()).as("what came while it waited, then the next").containsExactly(1L, 2L);
    }

    @Test
    void givenAHalfOfAPair_whenItIsAssignedAlone_thenItIsHeldUntilTheOtherHalfComes() {
        sink = EngineFixture.start().tenants("acme");

        sink.handOver(sink.notifications(0));
        sink.step();

        assertThat(sink.consumer.paused()).containsExactly(sink.notifications(0));
        assertThat(sink.core.engine.hasPartitions()).isFalse();
        sink.handOver(sink.retry(0));
        sink.step();
        sink.step();
        assertThat(sink.consumer.paused()).isEmpty();
        assertThat(sink.core.engine.hasPartitions()).isTrue();
        sink.notification(0, "acme", "m1", 1);
        sink.step();
        assertThat(sink.sender.open()).containsExactly(1L);
    }

    @Test
    void givenALoneHalfWaiting_whenItIsRevoked_thenItIsForgottenAndCountedAsGivenUp() {
        sink = EngineFixture.start().tenants("acme").assign(1);
        sink.handOver(sink.retry(0));

        sink.revoke(0);
        sink.handOver(sink.notifications(0));
        sink.step();

        assertThat(sink.consumer.paused()).as("its other half is gone: the new half waits alone")
                .containsExactly(sink.notifications(0));
        assertThat(count(SinkMetrics.PARTITIONS_REVOKED, "retry", 0)).isEqualTo(1);
        assertThat(count(SinkMetrics.PARTITIONS_ASSIGNED, "notifications", 0)).isEqualTo(1);
    }

    @Test
    void givenTwoPairs_whenOneIsHandedOver_thenOnlyItsPartitionsAreCountedAsRevoked() {
        sink = EngineFixture.start().tenants("acme").assign(0).assign(1);

        sink.revoke(1);

        for (String topic : new String[] {"notifications", "retry"}) {
            assertThat(count(SinkMetrics.PARTITIONS_ASSIGNED, topic, 0)).isEqualTo(1);
            assertThat(count(SinkMetrics.PARTITIONS_ASSIGNED, topic, 1)).isEqualTo(1);
            assertThat(count(SinkMetrics.PARTITIONS_REVOKED, topic, 0)).as("kept").isZero();
            assertThat(count(SinkMetrics.PARTITIONS_REVOKED, topic, 1)).as("moved").isEqualTo(1);
        }
    }

    private double count(String meter, String topic, int partition) {
        var counter = sink.registry.find(meter).tags("topic", topic, "partition", Integer.toString(partition)).counter();
        return counter == null ? 0 : counter.count();
    }
}
