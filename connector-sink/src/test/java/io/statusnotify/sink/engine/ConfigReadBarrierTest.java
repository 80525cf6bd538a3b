package io.statusnotify.sink.engine;

import io.statusnotify.sink.config.ConfigFollower;
import io.statusnotify.sink.config.ReadBarrier;
import io.statusnotify.sink.config.Route;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.TenantConfig;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink's config view may lag the streams app's: a notification of a tenant the sink does not send to is dropped
 * only once the view holds every config record that was on the topic when the notification was read.
 */
class ConfigReadBarrierTest {

    @Test
    void givenTheFollowerHasNotAppliedATenantsNewRecord_whenItsNotificationIsRead_thenItWaitsAndIsSentOnceApplied() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        sink.configOnTopic("newco"); // on the topic, beyond the follower's position

        sink.read("newco", "m1", 1);
        sink.follow(); // a poll that brings nothing yet: the view is still behind

        assertThat(sink.dropped("newco", Route.UNKNOWN_TENANT)).isZero();
        assertThat(sink.committable()).isZero();
        assertThat(sink.sender.posts).isEmpty();

        sink.fetchConfig();
        sink.follow();

        assertThat(sink.sender.sent()).containsExactly("newco#1");
        assertThat(sink.sender.posts.get(0).target()).isEqualTo(DispatcherFixture.configOf("newco"));
        assertThat(sink.dropped("newco", Route.UNKNOWN_TENANT)).isZero();
    }

    @Test
    void givenATenantJustEnabledOnTheTopic_whenItsNotificationIsReadBeforeTheFollowerHasIt_thenItIsSent() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        sink.configOnTopic("newco", new TenantConfig(false, null, null, null));
        sink.fetchConfig();
        sink.follow();
        sink.configOnTopic("newco");

        sink.read("newco", "m1", 1);
        sink.follow();
        assertThat(sink.dropped("newco", Route.TENANT_DISABLED)).isZero();
        sink.fetchConfig();
        sink.follow();

        assertThat(sink.sender.sent()).containsExactly("newco#1");
        assertThat(sink.dropped("newco", Route.TENANT_DISABLED)).isZero();
    }

    @Test
    void givenATenantStillUnknownOnceTheViewIsCurrent_whenItsNotificationIsRead_thenItIsDroppedAsUnknownTenant() {
        DispatcherFixture sink = new DispatcherFixture("acme");

        sink.read("ghost", "m1", 1);
        assertThat(sink.dropped("ghost", Route.UNKNOWN_TENANT)).isZero();
        sink.follow();

        assertThat(sink.dropped("ghost", Route.UNKNOWN_TENANT)).isEqualTo(1);
        assertThat(sink.committable()).isEqualTo(1);
        assertThat(sink.sender.posts).isEmpty();
    }

    @Test
    void givenManyNotificationsOfADeletedTenant_whenRead_thenOneRoundOfTheBarrierServesEveryDrop() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        int before = sink.configTopic.endOffsetsCalls;

        for (int user = 0; user < 20; user++) {
            for (int n = 1; n <= 3; n++) sink.read("ghost", "m" + user, n);
        }
        sink.follow();

        assertThat(sink.configTopic.endOffsetsCalls - before).isEqualTo(1);
        assertThat(sink.dropped("ghost", Route.UNKNOWN_TENANT)).isEqualTo(60);
        assertThat(sink.committable()).isEqualTo(60);
    }

    @Test
    void givenARoundAlreadyRunning_whenANotificationIsReadDuringIt_thenTheNextRoundDecidesIt() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        int before = sink.configTopic.endOffsetsCalls;
        sink.configOnTopic("slow");
        sink.read("ghost", "g", 1);
        sink.follow(); // round 1 takes its end offsets: the follower is one record behind them

        sink.read("late", "l", 1);
        sink.fetchConfig();
        sink.configOnTopic("late"); // written after round 1 took its end offsets, not fetched yet
        sink.follow(); // round 1 reached: ghost is decided, late is not

        assertThat(sink.dropped("ghost", Route.UNKNOWN_TENANT)).isEqualTo(1);
        assertThat(sink.dropped("late", Route.UNKNOWN_TENANT)).isZero();
        sink.follow(); // round 2: its end offsets include late's record
        assertThat(sink.dropped("late", Route.UNKNOWN_TENANT)).isZero();
        sink.fetchConfig();
        sink.follow();

        assertThat(sink.sender.sent()).containsExactly("late#1");
        assertThat(sink.configTopic.endOffsetsCalls - before).isEqualTo(2);
    }

    @Test
    void givenALaneWaitingForTheView_whenItsUsersNextAndAnotherTenantsNotificationsCome_thenTheNextWaitsAndTheOtherGoes() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        sink.configOnTopic("newco");

        sink.read("newco", "m1", 1);
        sink.read("newco", "m1", 2);
        sink.read("acme", "a1", 1);
        assertThat(sink.sender.sent()).containsExactly("acme#1");

        sink.fetchConfig();
        sink.follow();
        assertThat(sink.sender.sent()).containsExactly("acme#1", "newco#1");
        sink.sender.answer(204);
        sink.sender.answer(204);

        assertThat(sink.sender.sent()).containsExactly("acme#1", "newco#1", "newco#2");
    }

    @Test
    void givenALaneWaitingForTheView_whenItsPartitionIsRevoked_thenNothingIsSentOrDroppedWhenTheViewIsCurrent() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        sink.configOnTopic("newco");
        sink.read("newco", "m1", 1);
        sink.read("ghost", "g1", 1);

        sink.dispatcher.revoke(List.of(sink.work));
        sink.fetchConfig();
        sink.follow();

        assertThat(sink.sender.posts).isEmpty();
        assertThat(sink.dropped("ghost", Route.UNKNOWN_TENANT)).isZero();
    }

    @Test
    void givenALaneWaitingForTheView_whenTheSinkDrains_thenNothingIsSentOrDroppedAndItsRecordIsLeftForTheNextOwner() {
        DispatcherFixture sink = new DispatcherFixture("acme");
        sink.configOnTopic("newco");
        sink.read("newco", "m1", 1);
        sink.read("ghost", "g1", 1);

        sink.dispatcher.drain();
        sink.fetchConfig();
        sink.follow();

        assertThat(sink.sender.posts).isEmpty();
        assertThat(sink.dropped("ghost", Route.UNKNOWN_TENANT)).isZero();
        assertThat(sink.committable()).isZero();
    }

    @Test
    @Timeout(10)
    void givenARoundTheFollowerCannotFinish_whenTheBarrierTimeoutPasses_thenFollowingFailsAndDeliveryIsToldToStop() {
        TopicPartition partition = new TopicPartition("config", 0);
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions("config", List.of(new PartitionInfo("config", 0, new Node(0, "h", 1), null, null)));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 1L)); // a record the follower never gets (the broker is away)
        ReadBarrier barrier = new ReadBarrier();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        barrier.await(covered -> served.incrementAndGet());
        ConfigFollower follower = new ConfigFollower(consumer, "config",
                DispatcherFixture.emptyView(new SimpleMeterRegistry()), barrier, new TickingClock(), stopped::incrementAndGet);

        follower.run(); // returns once following has failed

        assertThat(stopped).hasValue(1);
        assertThat(served).hasValue(0);
        assertThat(consumer.closed()).isTrue();
    }

    /** Each reading is a second after the last: the follower's loop runs into the barrier's timeout in a few turns. */
    private static final class TickingClock extends Clock {
        private long millis = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

        @Override
        public long millis() {
            return millis += 1_000;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
