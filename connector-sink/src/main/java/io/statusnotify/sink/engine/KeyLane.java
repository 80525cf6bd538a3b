package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;

/**
 * One record key's notifications from one topic, in offset order. Only the head is ever in flight, so one user's
 * notifications reach the receiver strictly in order. Engine thread only.
 */
final class KeyLane {
    enum State { IDLE, SENDING, PARKING, WAITING_FOR_SLOT, WAITING_FOR_TENANT, WAITING_FOR_CONFIG, LOADING }

    final String key;
    final String tenant;
    /** Its partition's offsets and requests. */
    final PartitionWork work;
    final ArrayDeque<Item> items = new ArrayDeque<>();
    State state = State.IDLE;

    KeyLane(String key, String tenant, PartitionWork work) {
        this.key = key;
        this.tenant = tenant;
        this.work = work;
    }

    boolean fromRetryTopic() {
        return work.retryTopic;
    }

    TopicPartition topicPartition() {
        return work.partition;
    }

    /** Its partition's number: the same on both topics, and what {@code ParkedKeys} is keyed by. */
    int partition() {
        return work.partition.partition();
    }

    @Override
    public String toString() {
        return "KeyLane[" + key + "@" + work.partition + ", " + items.size() + " items, " + state + "]";
    }
}
