package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.SinkHarness;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parked notifications stay in memory and which are remembered by offset, and the counts of both. */
class RetryMemoryTest {
    private static final String RETRY_TOPIC = "sns.notifications.retry";

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(RETRY_TOPIC, 0, offset, "acme/u1",
                Json.write(SinkHarness.seedNotification("acme", "u1", offset + 1)));
    }

    private static Item item(long offset) {
        ConsumerRecord<String, byte[]> record = record(offset);
        return new Item(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, true));
    }

    /** A lane of {@code items} read in turn into {@code memory}. */
    private static KeyLane lane(RetryMemory memory, String tenant, Item... items) {
        KeyLane lane = new KeyLane(tenant + "/u1", tenant, null);
        for (Item item : items) {
            memory.took(item);
            lane.items.add(item);
        }
        return lane;
    }

    private static TenantState tenant(String name, boolean blocked, KeyLane waiting) {
        TenantState tenant = new TenantState(name, new TenantCircuit(1, FakeClockCircuit.SCHEDULE));
        if (blocked) tenant.circuit.failed(0, FakeClockCircuit.answer(), FakeClockCircuit.UNAVAILABLE);
        tenant.waiting.add(waiting);
        return tenant;
    }

    @Test
    void givenRoomForTwo_whenThreeAreRead_thenTwoStayInMemoryAndTheThirdIsRememberedByOffsetOnly() {
        RetryMemory memory = new RetryMemory(2);
        Item first = item(0);
        Item second = item(1);
        Item third = item(2);

        lane(memory, "acme", first, second, third);

        assertThat(first.isLoaded()).isTrue();
        assertThat(second.isLoaded()).isTrue();
        assertThat(third.isLoaded()).isFalse();
        assertThat(third.body).isNull();
        assertThat(third.offset()).isEqualTo(2);
        assertThat(memory.buffered()).isEqualTo(2);
        assertThat(memory.unloaded()).isEqualTo(1);
        assertThat(memory.hasRoom()).isFalse();
    }

    @Test
    void givenOneInMemoryAndOneByOffset_whenEachLeavesItsLane_thenItsOwnCountGoesDown() {
        RetryMemory memory = new RetryMemory(1);
        Item loaded = item(0);
        Item byOffset = item(1);
        lane(memory, "acme", loaded, byOffset);

        memory.removed(byOffset);
        assertThat(memory.buffered()).isEqualTo(1);
        assertThat(memory.unloaded()).isZero();

        memory.removed(loaded);
        assertThat(memory.buffered()).isZero();
        assertThat(memory.hasRoom()).isTrue();
    }

    @Test
    void givenARevokedLane_whenItsNotificationsAreDropped_thenBothCountsLoseThem() {
        RetryMemory memory = new RetryMemory(2);
        KeyLane lane = lane(memory, "acme", item(0), item(1), item(2), item(3));

        memory.dropped(lane.items);

        assertThat(memory.buffered()).isZero();
        assertThat(memory.unloaded()).isZero();
    }

    @Test
    void givenANotificationRememberedByOffset_whenItsRecordIsReadAgain_thenItIsLoadedAndCountedInMemory() {
        RetryMemory memory = new RetryMemory(1);
        Item byOffset = item(1);
        KeyLane lane = lane(memory, "acme", item(0), byOffset);

        assertThat(memory.reload(lane, record(1))).isTrue();

        assertThat(byOffset.isLoaded()).isTrue();
        assertThat(Json.read(byOffset.body, Notification.class).sequenceNum()).isEqualTo(2);
        assertThat(memory.buffered()).as("a head is read again over the cap").isEqualTo(2);
        assertThat(memory.unloaded()).isZero();
    }

    @Test
    void givenARecordReadAgain_whenTheLaneHoldsNoUnloadedNotificationAtItsOffset_thenNothingChanges() {
        RetryMemory memory = new RetryMemory(1);
        KeyLane lane = lane(memory, "acme", item(0), item(2));

        assertThat(memory.reload(lane, record(0))).as("in memory already").isFalse();
        assertThat(memory.reload(lane, record(1))).as("not in the lane").isFalse();
        assertThat(memory.reload(lane, record(5))).as("past the lane's last").isFalse();
        assertThat(memory.buffered()).isEqualTo(1);
        assertThat(memory.unloaded()).isEqualTo(1);
    }

    @Test
    void givenARecordThatCannotBeReadAgain_whenReloaded_thenItStaysRememberedByOffsetOnly() {
        RetryMemory memory = new RetryMemory(0);
        Item byOffset = item(0);
        KeyLane lane = lane(memory, "acme", byOffset);

        boolean loaded = memory.reload(lane,
                new ConsumerRecord<>(RETRY_TOPIC, 0, 0, "acme/u1", "not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(loaded).isFalse();
        assertThat(byOffset.isLoaded()).isFalse();
        assertThat(memory.unloaded()).isEqualTo(1);
    }

    @Test
    void givenMemoryFull_whenRoomIsMade_thenABlockedTenantsNotificationsLeaveFirstDownToThreeQuartersOfTheCap() {
        RetryMemory memory = new RetryMemory(4);
        Item first = item(0);
        KeyLane open = lane(memory, "acme", first, item(1));
        KeyLane live = lane(memory, "globex", item(2), item(3));
        List<TenantState> tenants = List.of(tenant("globex", false, live), tenant("acme", true, open));

        memory.makeRoom(tenants);

        assertThat(memory.buffered()).isEqualTo(3);
        assertThat(memory.unloaded()).isEqualTo(1);
        assertThat(first.isLoaded()).as("the blocked tenant's oldest").isFalse();
        assertThat(live.items).allMatch(Item::isLoaded);
    }

    @Test
    void givenMemoryFullOfTenantsThatMayBeTried_whenRoomIsMade_thenAllStayInMemory() {
        RetryMemory memory = new RetryMemory(2);
        KeyLane live = lane(memory, "globex", item(0), item(1));

        memory.makeRoom(List.of(tenant("globex", false, live)));

        assertThat(memory.buffered()).isEqualTo(2);
        assertThat(live.items).allMatch(Item::isLoaded);
    }

    @Test
    void givenRoomLeft_whenRoomIsMade_thenEvenABlockedTenantsNotificationsStay() {
        RetryMemory memory = new RetryMemory(3);
        KeyLane open = lane(memory, "acme", item(0), item(1));

        memory.makeRoom(List.of(tenant("acme", true, open)));

        assertThat(memory.buffered()).isEqualTo(2);
        assertThat(open.items).allMatch(Item::isLoaded);
    }
}
