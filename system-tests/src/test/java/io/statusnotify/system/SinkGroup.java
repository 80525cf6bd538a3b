package io.statusnotify.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One test's sink consumer group as the broker sees it: who holds the partitions, what is committed. */
final class SinkGroup {
    private static final long ANSWER_SECONDS = 30;
    private final Admin admin;
    private final String groupId;
    private final String notifications;

    SinkGroup(Admin admin, PipelineEnv env) {
        this.admin = admin;
        this.groupId = env.variables().get("SNS_SINK_GROUP_ID");
        this.notifications = env.topics().notifications();
    }

    /** Whether a member holds notifications partitions: a sink has joined and is about to deliver. */
    boolean isAssigned() {
        ConsumerGroupDescription group;
        try {
            group = answer(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
        } catch (GroupIdNotFoundException e) {
            return false; // no member has joined yet
        }
        return group.members().stream().anyMatch(member -> member.assignment().topicPartitions().stream()
                .anyMatch(tp -> tp.topic().equals(notifications)));
    }

    /** The group's committed offsets, every topic. */
    Map<TopicPartition, OffsetAndMetadata> committed() {
        return answer(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    }

    /** How many records of the notifications topic lie below the committed offsets. */
    long committedRecords() {
        return committed().entrySet().stream().filter(e -> e.getKey().topic().equals(notifications))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private <T> T answer(KafkaFuture<T> future) {
        try {
            return future.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException notFound) throw notFound;
            throw new IllegalStateException("cannot describe the consumer group " + groupId, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer about the consumer group " + groupId, e);
        }
    }
}
