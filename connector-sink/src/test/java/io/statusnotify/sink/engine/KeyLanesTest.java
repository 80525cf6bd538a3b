package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.SinkHarness;

import io.statusnotify.schema.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lane a notification joins, in what order, what the notifications topic's count holds, and setting aside. */
class KeyLanesTest {
    private final KeyLanes lanes = new KeyLanes();
    private final PartitionWork main0 = work("sns.notifications", 0, false);
    private final PartitionWork main1 = work("sns.notifications", 1, false);
    private final PartitionWork retry0 = work("sns.notifications.retry", 0, true);
    private long nextOffset;

    private static PartitionWork work(String topic, int partition, boolean retryTopic) {
        return new PartitionWork(new TopicPartition(topic, partition), retryTopic, null);
    }

    /** A notification of the tenant's with the record key, added to the partition's lanes; its lane. */
    private KeyLane add(PartitionWork work, String tenant, String recordKey) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(work.partition.topic(), work.partition.partition(),
                nextOffset++, recordKey, Json.write(SinkHarness.seedNotification(tenant, "u1", nextOffset)));
        Item item = new Item(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, work.retryTopic));
        return lanes.add(work, recordKey, item);
    }

    @Test
    void givenOneKey_whenItsNotificationsCome_thenTheyQueueInOneLaneInOrderAndAnotherKeyHasItsOwn() {
        KeyLane first = add(main0, "acme", "acme/u1");
        KeyLane again = add(main0, "acme", "acme/u1");
        KeyLane other = add(main0, "acme", "acme/u2");

        assertThat(again).isSameAs(first);
        assertThat(first.items).extracting(Item::offset).containsExactly(0L, 1L);
        assertThat(other).isNotSameAs(first);
        assertThat(first.key).isEqualTo("acme/u1");
        assertThat(first.tenant).isEqualTo("acme");
        assertThat(lanes.mainLanes()).containsExactlyInAnyOrder(first, other);
    }

    @Test
    void givenTheSameKey_whenOnAnotherPartitionOrTheRetryTopic_thenEachHasALaneOfItsOwn() {
        KeyLane onMain0 = add(main0, "acme", "acme/u1");
        KeyLane onMain1 = add(main1, "acme", "acme/u1");
        KeyLane onRetry0 = add(retry0, "acme", "acme/u1");

        assertThat(List.of(onMain0, onMain1, onRetry0)).doesNotHaveDuplicates();
        assertThat(lanes.mainLanes()).containsExactlyInAnyOrder(onMain0, onMain1);
        assertThat(lanes.retryLanes()).containsExactly(onRetry0);
        assertThat(lanes.retryLane(retry0, "acme/u1")).isSameAs(onRetry0);
        assertThat(lanes.retryLane(work("sns.notifications.retry", 1, true), "acme/u1")).isNull();
    }

    @Test
    void givenKeylessRecords_whenTheyCome_thenTheyShareTheirPartitionsNoKeyLane() {
        KeyLane first = add(main0, "acme", null);
        KeyLane second = add(main0, "globex", null);

        assertThat(second).isSameAs(first);
        assertThat(first.items).hasSize(2);
        assertThat(first.tenant).as("the tenant of its first").isEqualTo("acme");
        assertThat(lanes.retryLane(retry0, null)).isNull();
    }

    @Test
    void givenNotificationsOfBothTopics_whenCountedAndPopped_thenOnlyTheNotificationsTopicsCount() {
        KeyLane main = add(main0, "acme", "acme/u1");
        add(main0, "acme", "acme/u1");
        KeyLane retry = add(retry0, "acme", "acme/u1");
        assertThat(lanes.bufferedMain()).isEqualTo(2);

        assertThat(lanes.pop(main).offset()).isZero();
        assertThat(lanes.bufferedMain()).isEqualTo(1);
        assertThat(lanes.pop(retry).offset()).isEqualTo(2);
        assertThat(lanes.bufferedMain()).isEqualTo(1);
    }

    @Test
    void givenAForgottenLane_whenItsKeysNextNotificationComes_thenANewLaneStartsAndItsTenantIsNamedOnlyWhileItHasOne() {
        KeyLane lane = add(main0, "acme", "acme/u1");
        lanes.pop(lane);
        assertThat(lanes.tenants()).containsExactly("acme");

        lanes.forget(lane);
        assertThat(lanes.tenants()).isEmpty();
        assertThat(lanes.mainLanes()).isEmpty();

        assertThat(add(main0, "acme", "acme/u1")).isNotSameAs(lane);
    }

    @Test
    void givenARevokedPartition_whenSetAside_thenItsLanesAreHandedOverFullThenEmptiedAndOthersStay() {
        KeyLane revoked = add(main0, "acme", "acme/u1");
        add(main0, "acme", "acme/u1");
        KeyLane otherKey = add(main0, "globex", "globex/u1");
        KeyLane kept = add(main1, "initech", "initech/u1");
        List<Integer> sizesSeen = new ArrayList<>();

        lanes.setAside(main0, lane -> sizesSeen.add(lane.items.size()));

        assertThat(sizesSeen).containsExactlyInAnyOrder(2, 1);
        assertThat(revoked.items).isEmpty();
        assertThat(otherKey.items).isEmpty();
        assertThat(lanes.mainLanes()).containsExactly(kept);
        assertThat(lanes.bufferedMain()).isEqualTo(1);
        assertThat(lanes.tenants()).containsExactly("initech");

        lanes.setAside(main0, lane -> sizesSeen.add(-1));
        assertThat(sizesSeen).as("nothing left to set aside").hasSize(2);
    }
}
