package io.statusnotify.sink.engine;

import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.offsets.PartitionWork;

import io.statusnotify.schema.BadRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record just polled becomes an {@link Item} behind its key's earlier ones ({@link KeyLanes}), counted where its
 * topic's backpressure looks (its tenant's queue, or {@link RetryMemory}), or is finished at once: done before a
 * restart, another group's copy on the retry topic, or malformed (to the DLQ). Engine thread only.
 */
final class Intake {
    private final String groupId;
    private final KeyLanes lanes;
    private final TenantStates tenants;
    private final RetryMemory memory;
    private final ViewWaits views;
    private final Outcomes outcomes;

    Intake(String groupId, KeyLanes lanes, TenantStates tenants, RetryMemory memory, ViewWaits views, Outcomes outcomes) {
        this.groupId = groupId;
        this.lanes = lanes;
        this.tenants = tenants;
        this.memory = memory;
        this.views = views;
        this.outcomes = outcomes;
    }

    /** The lane the record's notification joined, or null when there is nothing to deliver. */
    KeyLane take(PartitionWork work, ConsumerRecord<String, byte[]> record) {
        if (!work.take(record.offset())) return null;
        if (work.retryTopic && RetryHeaders.parkedByAnotherGroup(record, groupId)) {
            work.done(record.offset()); // that group delivers it; this one has its own copy from the notifications topic
            return null;
        }
        Item item;
        try {
            // Parsed once here; its queueTimestamp is stamped when its first attempt starts (Requests).
            item = new Item(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, work.retryTopic));
        } catch (BadRecordException e) {
            outcomes.malformed(work, record, e);
            return null;
        }
        views.read(item);
        KeyLane lane = lanes.add(work, record.key(), item);
        if (work.retryTopic) {
            memory.took(item);
        } else {
            tenants.get(lane.tenant).queued++;
        }
        return lane;
    }
}
