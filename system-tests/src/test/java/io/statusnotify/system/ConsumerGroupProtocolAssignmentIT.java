package io.statusnotify.system;

import io.statusnotify.system.CoPartitionedGroup.Step;
import io.statusnotify.system.RebalanceLog.Callback;
import io.statusnotify.system.RebalanceLog.Kind;
import io.statusnotify.testing.ExactCount;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.statusnotify.system.CoPartitionedGroup.RECORDS_PER_PARTITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evidence for moving the sink to Kafka's consumer group protocol (KIP-848): with the broker's {@code range} assignor,
 * partition N of two equally partitioned topics (the sink's notifications and retry topics) stays on one member
 * while members come and go, only the partitions that move see callbacks, and a partition's new owner starts after
 * its old owner let it go (its commit done). Plain KafkaConsumers on the shared in-process broker.
 */
@ExtendWith(SharedKafka.class)
class ConsumerGroupProtocolAssignmentIT {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupProtocolAssignmentIT.class);
    private static final int PARTITIONS = 6;
    private static final Map<String, String> RANGE = CoPartitionedGroup.consumerProtocol("range");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void givenTheRangeAssignor_whenMembersJoinOneByOneAndLeave_thenOnlyMovedPairsChangeHandsTogetherAndInOrder(
            TestKafka kafka) {
        try (CoPartitionedGroup group = CoPartitionedGroup.create(kafka, "kip848-range", PARTITIONS, RANGE)) {
            // given one member, then two, then three; when they leave again, three to two to one
            List<Step> steps = List.of(group.join("a"), group.join("b"), group.join("c"), group.leave("c"),
                    group.leave("b"));

            // then each step's callbacks are exactly the partitions that changed hands, each member its own
            for (Step step : steps) {
                LOG.info("Step {}", step);
                assertOnlyMovedPartitionsSawCallbacks(step);
                step.after().values().forEach(owned -> assertThat(numbers(owned, group.second))
                        .as("the same partition numbers of both topics on one member")
                        .isEqualTo(numbers(owned, group.first)));
            }
            // and at no instant were a pair's two partitions on two members, or a partition on two members at once
            RebalanceTimeline timeline = group.timeline();
            assertThat(timeline.pairSplitAcrossMembers).isEmpty();
            assertThat(timeline.takenWhileOwned).as("assigned before its previous owner's revocation ended").isEmpty();
            assertThat(timeline.lost).isEmpty();
            // and each new owner found committed what the previous one committed as it let the partition go
            assertThat(timeline.commitNotSeen).isEmpty();
            assertThat(timeline.handOverMillis).as("hand-overs").isNotEmpty();
            // and a pair moved in one callback at both ends: the retry partition never came before or after its pair
            assertThat(timeline.pairSplitAcrossCallbacks).isEmpty();
            LOG.info("Hand-over gaps (revocation ended -> next owner's assignment), ms: {}",
                    timeline.handOverMillis.stream().map(ms -> String.format("%.0f", ms)).toList());
        }
    }

    @Test
    void givenPausedPartitions_whenMembersJoinAndLeave_thenKeptOnesStayPausedAndOnesPausedOnAssignmentAreNotFetched(
            TestKafka kafka) {
        try (CoPartitionedGroup group = CoPartitionedGroup.create(kafka, "kip848-paused", PARTITIONS, RANGE)) {
            // given a member that read what there is, then paused all it has (backpressure, say)
            group.join("a");
            GroupMember a = group.member("a");
            Set<TopicPartition> all = a.assignment();
            ExactCount.await("a's records", 2 * PARTITIONS * RECORDS_PER_PARTITION, WAIT, () -> a.received(all));
            a.call(consumer -> {
                consumer.pause(consumer.assignment());
                return null;
            });

            // when another member joins, pausing what it gets within onPartitionsAssigned (as the sink's gate does)
            Step joined = group.joinPausingWhatItGets("b");
            LOG.info("Step {}", joined);
            GroupMember b = group.member("b");
            Set<TopicPartition> kept = joined.after().get("a");
            Set<TopicPartition> given = joined.after().get("b");
            assertThat(kept).hasSize(PARTITIONS);

            // then a's pauses survive the rebalance, and b's hold: of the records written now it fetches nothing
            assertThat(a.paused()).isEqualTo(kept);
            assertThat(b.paused()).isEqualTo(given);
            group.produce();
            await("b fetches nothing paused").during(ExactCount.QUIET_PERIOD).atMost(WAIT)
                    .until(() -> b.received(given) == 0);
            // until it resumes: then exactly the new records, from the commit a made as it let them go
            b.resume(given);
            ExactCount.await("b's records", PARTITIONS * RECORDS_PER_PARTITION, WAIT, () -> b.received(given));

            // and when b leaves, what comes back to a is not paused
            LOG.info("Step {}", group.leave("b"));
            assertThat(a.assignment()).isEqualTo(all);
            assertThat(a.paused()).isEqualTo(kept);
        }
    }

    private static void assertOnlyMovedPartitionsSawCallbacks(Step step) {
        Set<String> members = new HashSet<>(step.before().keySet());
        members.addAll(step.after().keySet());
        for (String member : members) {
            Set<TopicPartition> before = step.before().getOrDefault(member, Set.of());
            Set<TopicPartition> after = step.after().getOrDefault(member, Set.of());
            assertThat(partitions(step, member, Kind.REVOKED)).as("%s's revocations", member)
                    .containsExactlyInAnyOrderElementsOf(minus(before, after));
            assertThat(partitions(step, member, Kind.ASSIGNED)).as("%s's assignments", member)
                    .containsExactlyInAnyOrderElementsOf(minus(after, before));
        }
    }

    /** Every partition of the member's callbacks of that kind in the step, a partition twice if it came twice. */
    private static List<TopicPartition> partitions(Step step, String member, Kind kind) {
        return step.callbacks().stream().filter(c -> c.member().equals(member) && c.kind() == kind)
                .map(Callback::partitions).flatMap(Set::stream).toList();
    }

    private static Set<TopicPartition> minus(Set<TopicPartition> from, Set<TopicPartition> taken) {
        Set<TopicPartition> rest = new HashSet<>(from);
        rest.removeAll(taken);
        return rest;
    }

    private static Set<Integer> numbers(Set<TopicPartition> partitions, String topic) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> numbers.add(tp.partition()));
        return numbers;
    }
}
