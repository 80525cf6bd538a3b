package io.statusnotify.system;

import io.statusnotify.system.CoPartitionedGroup.Step;
import io.statusnotify.system.RebalanceLog.Kind;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade of the sink from today's classic group (client-side eager {@link RangeAssignor}) to the consumer
 * group protocol with the broker's {@code range} assignor: the broker converts the group when the first
 * consumer-protocol member joins (group.consumer.migration.policy, bidirectional by default). Pairs must stay
 * together and hand over in order throughout; the classic members still revoke everything at each rebalance until
 * the last of them is gone.
 */
@ExtendWith(SharedKafka.class)
class ConsumerGroupMigrationIT {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupMigrationIT.class);
    private static final Map<String, String> CLASSIC = Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName(),
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "250");
    private static final Map<String, String> CONSUMER = CoPartitionedGroup.consumerProtocol("range");

    @Test
    void givenAClassicRangeGroup_whenItsMembersAreReplacedByConsumerProtocolOnes_thenPairsStayTogetherThroughout(
            TestKafka kafka) {
        try (CoPartitionedGroup group = CoPartitionedGroup.create(kafka, "kip848-migration", 6, CLASSIC)) {
            // given two classic members
            group.join("a");
            group.join("b");

            // when a consumer-protocol member joins, then the classic ones leave one by one
            Step converted = group.join("c", CONSUMER);
            List<Step> steps = List.of(converted, group.leave("a"), group.leave("b"));
            steps.forEach(step -> LOG.info("Step {}", step));

            // then the classic members gave up everything when the group was converted, as eager members do (a
            // classic member may go through more than one rebalance while the group is converted)
            for (String classic : List.of("a", "b")) {
                assertThat(revoked(converted, classic)).as("%s's revocations", classic)
                        .containsAll(converted.before().get(classic));
            }
            // and once only consumer-protocol members are left, a leave moves only the leaving member's pairs
            Step last = steps.get(2);
            assertThat(revoked(last, "c")).isEmpty();
            assertThat(revoked(last, "b")).containsExactlyInAnyOrderElementsOf(last.before().get("b"));
            // and throughout, pairs stayed on one member and each hand-over waited for the commit before it
            RebalanceTimeline timeline = group.timeline();
            assertThat(timeline.pairSplitAcrossMembers).isEmpty();
            assertThat(timeline.takenWhileOwned).isEmpty();
            assertThat(timeline.commitNotSeen).isEmpty();
            assertThat(timeline.lost).isEmpty();
            assertThat(timeline.ownership()).containsOnlyKeys("c");
        }
    }

    private static List<TopicPartition> revoked(Step step, String member) {
        return step.callbacks().stream().filter(c -> c.member().equals(member) && c.kind() == Kind.REVOKED)
                .map(RebalanceLog.Callback::partitions).flatMap(Set::stream).toList();
    }
}
