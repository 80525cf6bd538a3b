package io.statusnotify.sink.engine;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.statusnotify.sink.engine.EngineFixture.doneAbove;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine loop over MockConsumer, MockProducer and a fake sender, one turn at a time: what it commits, what a
 * rebalance does to requests in flight, and when it pauses reading.
 */
class DeliveryEngineTest {
    private EngineFixture sink;

    @AfterEach
    void close() {
        if (sink != null) sink.close();
    }

    @Test
    void givenThreeUsersInFlightOnOnePartition_whenAnsweredThirdFirstSecondLast_thenTheCommitPassesOnlyContiguousDoneRecords() {
        sink = EngineFixture.start().tenants("acme").assign(0);
        sink.usersEach("acme", 1, 2, 3);
        sink.step();
        assertThat(sink.sender.open()).containsExactly(1L, 2L, 3L);
        TopicPartition p0 = sink.notifications(0);

        sink.sender.answer(3, 200);
        sink.commit();
        assertThat(sink.committed(p0).offset()).isEqualTo(0);
        assertThat(doneAbove(sink.committed(p0))).containsExactly(2L);

        sink.sender.answer(1, 200);
        sink.commit();
        assertThat(sink.committed(p0).offset()).isEqualTo(1);
        assertThat(doneAbove(sink.committed(p0))).containsExactly(2L);

        sink.sender.answer(2, 200);
        sink.commit();
        assertThat(sink.committed(p0)).isEqualTo(new OffsetAndMetadata(3, ""));
    }

    @Test
    void givenADeliveredNotification_whenItsReceiptIsNotYetAcknowledged_thenTheCommitDoesNotPassIt() {
        sink = EngineFixture.holdingWrites().tenants("acme").assign(0);
        sink.usersEach("acme", 1);
        sink.step();
        TopicPartition p0 = sink.notifications(0);

        sink.sender.answer(1, 200);
        sink.commit();
        assertThat(sink.written(sink.settings.topics().deliveryReceipts())).hasSize(1);
        assertThat(sink.committed(p0)).as("a crash now sends it again, with its receipt")
                .isEqualTo(new OffsetAndMetadata(0, ""));

        assertThat(sink.producer.completeNext()).isTrue();
        sink.commit();
        assertThat(sink.committed(p0)).isEqualTo(new OffsetAndMetadata(1, ""));
    }

    @Test
    void givenRequestsInFlight_whenThePartitionIsRevoked_thenTheirLateAnswersAreNotCommittedAndTheNextOwnerSendsThemAgain() {
        sink = EngineFixture.start().tenants("acme").assign(0);
        sink.usersEach("acme", 1, 2, 3);
        sink.step();
        sink.sender.answer(1, 200);
        sink.step();
        TopicPartition p0 = sink.notifications(0);

        // Offsets 1 and 2 are still in flight when the grace for the handover ends.
        sink.revokeAll();
        assertThat(sink.committed(p0)).isEqualTo(new OffsetAndMetadata(1, ""));
        int commitsAtRevoke = sink.consumer.commits().size();

        sink.sender.answer(2, 200);
        sink.sender.answer(3, 200);
        sink.commit();
        assertThat(sink.consumer.commits()).hasSize(commitsAtRevoke);

        EngineFixture next = sink.nextOwner();
        try {
            next.tenants("acme").assign(0);
            next.rewrite(0, 0, "acme", "m1", 1);
            next.rewrite(0, 1, "acme", "m2", 2);
            next.rewrite(0, 2, "acme", "m3", 3);
            next.step();
            assertThat(next.sender.sent()).containsExactly(2L, 3L);
        } finally {
            next.close();
        }
    }

    @Test
    void givenTheBufferCap_whenReached_thenTheNotificationsTopicPausesUntilThreeQuartersAndThenReadsOn() {
        sink = EngineFixture.start("SNS_SINK_MAX_BUFFERED_RECORDS", "4").tenants("acme").assign(0);
        sink.usersEach("acme", 1, 2, 3, 4);
        sink.step();
        assertThat(sink.consumer.paused()).containsExactly(sink.notifications(0));

        sink.usersEach("acme", 5);
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L, 4L);

        sink.sender.answer(1, 200);
        sink.step();
        assertThat(sink.consumer.paused()).as("3 held: still at three quarters of the cap").containsExactly(sink.notifications(0));

        sink.sender.answer(2, 200);
        sink.step();
        assertThat(sink.consumer.paused()).isEmpty();
        sink.step();
        assertThat(sink.sender.sent()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sink.consumer.paused()).isEmpty();
    }

    @Test
    void givenAPartitionAssigned_whenItsRetryPartitionIsEmpty_thenBothAreReadAndNothingIsPaused() {
        sink = EngineFixture.start().assign(0);

        assertThat(sink.consumer.assignment()).isEqualTo(Set.of(sink.notifications(0), sink.retry(0)));
        assertThat(sink.consumer.paused()).isEmpty();
        assertThat(sink.core.engine.hasPartitions()).isTrue();
        sink.commit();
        assertThat(sink.consumer.lastCommits()).isEqualTo(Map.of(
                sink.notifications(0), new OffsetAndMetadata(0, ""), sink.retry(0), new OffsetAndMetadata(0, "")));
    }

    @Test
    void givenTwoPairs_whenOnlyOneIsHandedOver_thenOnlyItsRecordsAreCommittedAndTheOtherKeepsDelivering() {
        sink = EngineFixture.start().tenants("acme").assign(0).assign(1);
        sink.notification(0, "acme", "m1", 1);
        sink.notification(1, "acme", "m2", 2);
        sink.step();
        assertThat(sink.sender.open()).containsExactlyInAnyOrder(1L, 2L);
        sink.sender.answer(2, 200);
        sink.step();

        // the group moves pair 1 to another instance; pair 0 stays, its request still in flight
        sink.revoke(1);

        assertThat(sink.committed(sink.notifications(1))).isEqualTo(new OffsetAndMetadata(1, ""));
        assertThat(sink.committed(sink.notifications(0)).offset()).as("nothing finished on pair 0 yet").isZero();
        assertThat(sink.consumer.paused()).isEmpty();
        sink.sender.answer(1, 200);
        sink.notification(0, "acme", "m3", 3);
        sink.step();
        assertThat(sink.sender.open()).containsExactly(3L);
        sink.commit();
        assertThat(sink.committed(sink.notifications(0)).offset()).isEqualTo(1);
        assertThat(sink.core.engine.hasPartitions()).isTrue();
    }

    @Test
    void givenBackpressureOnOnePair_whenAnotherPairIsAssigned_thenTheNewPairPausesToo() {
        sink = EngineFixture.start("SNS_SINK_MAX_BUFFERED_RECORDS", "2").tenants("acme").assign(0);
        sink.usersEach("acme", 1, 2);
        sink.step();
        assertThat(sink.consumer.paused()).containsExactly(sink.notifications(0));

        sink.assign(1);

        assertThat(sink.consumer.paused()).as("over the cap: the new pair's notifications pause too")
                .containsExactlyInAnyOrder(sink.notifications(0), sink.notifications(1));
        sink.sender.answer(1, 200);
        sink.sender.answer(2, 200);
        sink.step();
        assertThat(sink.consumer.paused()).isEmpty();
    }
}
