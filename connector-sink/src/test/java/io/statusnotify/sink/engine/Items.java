package io.statusnotify.sink.engine;

import io.statusnotify.sink.SinkHarness;
import io.statusnotify.sink.kafka.RetryHeaders;
import io.statusnotify.sink.offsets.PartitionWork;

import io.statusnotify.schema.Json;
import io.statusnotify.schema.Notification;
import io.statusnotify.schema.NotificationKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.util.Optional;

/** Notifications as the engine holds them, for the tests of its parts: of one partition of either topic. */
final class Items {
    final PartitionWork main = new PartitionWork(new TopicPartition("sns.notifications", 0), false, null);
    final PartitionWork retry = new PartitionWork(new TopicPartition("sns.notifications.retry", 0), true, null);
    private final KeyLanes lanes = new KeyLanes();
    private long nextOffset;

    /** The record of user {@code member}'s notification {@code sequenceNum}, written at {@code at} (epoch ms). */
    ConsumerRecord<String, byte[]> record(PartitionWork work, String tenant, String member, long sequenceNum, long at) {
        Notification notification = SinkHarness.seedNotification(tenant, member, sequenceNum);
        String key = NotificationKey.of(notification.userStatusNotification().user());
        byte[] value = Json.write(notification);
        return new ConsumerRecord<>(work.partition.topic(), work.partition.partition(), nextOffset++, at,
                TimestampType.CREATE_TIME, key.length(), value.length, key, value, new RecordHeaders(), Optional.empty());
    }

    /** The notification taken from {@code work} and queued in its key's lane (of {@link #lanes}); its lane. */
    KeyLane add(PartitionWork work, String tenant, String member, long sequenceNum, long at) {
        ConsumerRecord<String, byte[]> record = record(work, tenant, member, sequenceNum, at);
        work.take(record.offset());
        Item item = new Item(record, NotificationStamp.read(record.value()), RetryHeaders.read(record, work.retryTopic));
        return lanes.add(work, record.key(), item);
    }
}
