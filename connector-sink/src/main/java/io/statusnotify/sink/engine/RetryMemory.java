package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.ParkedReader;
import io.statusnotify.sink.kafka.RetryHeaders;

import io.statusnotify.schema.BadRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Collection;

/**
 * How much of the retry topic's parked notifications the engine holds: up to {@code SNS_MAX_BUFFERED_RETRIES} in
 * memory, the rest remembered by offset only ({@link Item#unload()}) and read again ({@link ParkedReader}) when their
 * turn comes. Counts both, for the gauges and the retry topic's backpressure. Engine thread only.
 */
final class RetryMemory {
    private final int maxBuffered;
    private int buffered;
    private int unloaded;

    RetryMemory(int maxBuffered) {
        this.maxBuffered = maxBuffered;
    }

    /** A notification just read from the retry topic: kept in memory while there is room, else by offset. */
    void took(Item item) {
        if (hasRoom()) {
            buffered++;
        } else {
            // Memory holds enough parked notifications: this one is remembered by offset, so reading the retry
            // topic goes on and a tenant's long backlog never keeps another tenant's parked ones unread.
            item.unload();
            unloaded++;
        }
    }

    /** The notification left its lane (sent, dead-lettered, lost). */
    void removed(Item item) {
        if (item.isLoaded()) {
            buffered--;
        } else {
            unloaded--;
        }
    }

    /** A revoked lane's notifications, all set aside. */
    void dropped(Collection<Item> items) {
        for (Item item : items) removed(item);
    }

    /** Room for one more in memory. */
    boolean hasRoom() {
        return buffered < maxBuffered;
    }

    /**
     * The lane's notification at {@code again}'s offset, if it is remembered by offset only, loaded with the record
     * read again; false when the lane has none such, or the record cannot be read.
     */
    boolean reload(KeyLane lane, ConsumerRecord<String, byte[]> again) {
        Item item = unloadedAt(lane, again.offset());
        if (item == null) return false;
        try {
            item.load(again, NotificationStamp.read(again.value()), RetryHeaders.read(again, true));
        } catch (BadRecordException e) {
            return false; // it was read once already: the caller gives up a head that cannot be read again
        }
        buffered++;
        unloaded--;
        return true;
    }

    private static Item unloadedAt(KeyLane lane, long offset) {
        for (Item item : lane.items) {
            if (item.offset() > offset) return null;
            if (item.offset() == offset) return item.isLoaded() ? null : item;
        }
        return null;
    }

    /**
     * At the cap, down to three quarters of it: the notifications of tenants that cannot be tried now leave memory
     * first (they are read again later), so there is room for those that can.
     */
    void makeRoom(Collection<TenantState> tenants) {
        int target = maxBuffered * 3 / 4;
        if (hasRoom()) return;
        for (TenantState tenant : tenants) {
            if (!tenant.circuit.isBlocked()) continue;
            for (KeyLane lane : tenant.waiting) {
                for (Item item : lane.items) {
                    if (buffered <= target) return;
                    if (!item.isLoaded()) continue;
                    item.unload();
                    buffered--;
                    unloaded++;
                }
            }
        }
    }

    /** Parked notifications held in memory. */
    int buffered() {
        return buffered;
    }

    /** Parked notifications remembered by offset only. */
    int unloaded() {
        return unloaded;
    }
}
