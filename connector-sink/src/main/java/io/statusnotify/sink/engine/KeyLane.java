package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;

import java.util.ArrayDeque;

/**
 * One record key's notifications from one topic, in offset order. Only the head is ever in flight, so one user's
 * notifications reach the receiver strictly in order. Engine thread only.
 */
final class KeyLane {
    enum State { IDLE, SENDING, PARKING, WAITING_FOR_SLOT, WAITING_FOR_TENANT, WAITING_FOR_CONFIG, LOADING }

    final String key;
    final String tenant;
    final PartitionWork partition;
    final ArrayDeque<Item> items = new ArrayDeque<>();
    State state = State.IDLE;

    KeyLane(String key, String tenant, PartitionWork partition) {
        this.key = key;
        this.tenant = tenant;
        this.partition = partition;
    }

    boolean fromRetryTopic() {
        return partition.retryTopic;
    }

    @Override
    public String toString() {
        return "KeyLane[" + key + "@" + partition.partition + ", " + items.size() + " items, " + state + "]";
    }
}
