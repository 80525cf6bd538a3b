package io.statusnotify.system;

import io.statusnotify.testing.DelayedReceiver;
import io.statusnotify.testing.RecordingReceiver.Received;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: sink instances join and leave one group under load (1 → 2 → 3 → 2 → 1, in this JVM). From each
 * instance's own counts of the partitions it was given and gave up: a step moves only whole pairs (partition N of
 * both topics), an instance never gives up a partition it keeps, and the kept partitions go on being delivered while
 * the moved ones change hands. At the end nothing is lost, each user's notifications came in order, and the
 * redeliveries stay within what the hand-overs can leave unfinished.
 */
@ExtendWith(SharedKafka.class)
class SinkRebalanceUnderLoadIT {
    private static final Logger LOG = LoggerFactory.getLogger(SinkRebalanceUnderLoadIT.class);
    private static final List<String> TENANTS = TenantFleet.names(4);
    private static final int PARTITIONS = 6;
    private static final int USERS_PER_TENANT = 25;
    private static final int PER_SECOND = 200;
    /** Longer than the steps take, so every step happens under load (asserted at each). */
    private static final int TRAFFIC_SECONDS = 30;
    /** Servers that take a moment keep requests in flight when partitions change hands. */
    private static final Duration ANSWER_DELAY = Duration.ofMillis(5);
    /** SNS_SINK_MAX_IN_FLIGHT of each instance. */
    private static final int IN_FLIGHT_WINDOW = 100;
    /** The sink's default SNS_SINK_COMMIT_INTERVAL. */
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    /** Settled: the group's assignment reached and the instances' own counts agreeing, for two heartbeats. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, InProcessSink> live = new LinkedHashMap<>();
    private PipelineEnv env;
    private TestKafka kafka;
    /** Instances that gave up partitions, summed over the steps: each may leave its in-flight requests to resend. */
    private int handOvers;
    /** {@link #deliveredByPartition}'s counts, and how many requests of each tenant it has read. */
    private final Map<Integer, Integer> delivered = new TreeMap<>();
    private final Map<String, Integer> read = new HashMap<>();

    @Test
    void givenSinksJoiningAndLeavingUnderLoad_thenOnlyMovedPairsPauseAndNothingIsLostOrReordered(TestKafka kafka) {
        this.kafka = kafka;
        env = PipelineEnv.fresh(kafka, "rebalance-under-load").withPartitions(PARTITIONS).withShortRetries()
                .with("SNS_SINK_MAX_IN_FLIGHT", Integer.toString(IN_FLIGHT_WINDOW)).provisionTopics();
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);
        try (TenantFleet fleet = TenantFleet.start(TENANTS, tenant -> Endpoint.of(DelayedReceiver.start(ANSWER_DELAY)));
             NotificationFeed feed = new NotificationFeed(env.bootstrapServers(), env.topics().notifications())) {
            fleet.configure(env);
            // given one sink instance delivering a steady stream to four tenants
            live.put("a", InProcessSink.start(env));
            awaitSettled();
            feed.start(plan);
            await("deliveries flowing").atMost(DELIVERY_TIMEOUT).until(() -> fleet.requestCount() >= PER_SECOND);

            // when instances join and leave one at a time, each step once the group has settled
            step("b joins", fleet, feed, plan, () -> live.put("b", InProcessSink.start(env)));
            step("c joins", fleet, feed, plan, () -> live.put("c", InProcessSink.start(env)));
            step("c leaves", fleet, feed, plan, () -> live.remove("c").close());
            step("b leaves", fleet, feed, plan, () -> live.remove("b").close());

            // then every notification arrived, each user's first deliveries in the order sent
            feed.awaitAcknowledged(Duration.ofSeconds(TRAFFIC_SECONDS + 30));
            fleet.awaitEverything(feed, DELIVERY_TIMEOUT);
            int duplicates = 0;
            for (String tenant : TENANTS) {
                Deliveries got = fleet.deliveries(tenant);
                DeliveryAssertions.assertAllDeliveredInPerUserOrder(tenant, got, feed.sentByUserOf(tenant));
                duplicates += got.duplicates();
            }
            // and what was sent twice is at most what the hand-overs could leave unfinished: per instance giving up
            // partitions, the requests still open when its wait for them ended, and, should its commit fail, what
            // finished since its last periodic commit
            int perHandOver = IN_FLIGHT_WINDOW + (int) Math.ceil(PER_SECOND * COMMIT_INTERVAL.toMillis() / 1000.0);
            LOG.info("{} notifications, {} requests, {} duplicates over {} hand-overs (bound {} each)", feed.sent(),
                    fleet.requestCount(), duplicates, handOvers, perHandOver);
            assertThat(duplicates).as("redeliveries over %d hand-overs", handOvers)
                    .isLessThanOrEqualTo(handOvers * perHandOver);
        } finally {
            live.values().forEach(InProcessSink::close);
        }
    }

    /**
     * One change of the group, then its checks against every instance's own counts from before the change to the
     * settled group after it.
     */
    private void step(String name, TenantFleet fleet, NotificationFeed feed, TrafficPlan plan, Runnable change) {
        Map<String, PartitionCounts> before = counts(live);
        Map<Integer, Integer> deliveredBefore = deliveredByPartition(fleet);
        Map<String, InProcessSink> involved = new LinkedHashMap<>(live);
        long start = System.nanoTime();
        change.run();
        involved.putAll(live); // the one that left is read after its close: its counts stay in its registry
        awaitSettled();
        Map<String, PartitionCounts> after = counts(involved);
        Map<Integer, Integer> deliveredAfter = deliveredByPartition(fleet);
        assertThat(feed.sentInCurrentPlan()).as("%s: settled while the traffic still flowed", name)
                .isLessThan(plan.total());

        Map<String, Set<String>> ownedBefore = owned(before, involved.keySet());
        Map<String, Set<String>> ownedAfter = owned(after, live.keySet());
        involved.keySet().forEach(n -> ownedAfter.putIfAbsent(n, Set.of())); // the one that left owns nothing
        LOG.info("{}: {} -> {}, settled after {} ms", name, ownedBefore, ownedAfter,
                (System.nanoTime() - start) / 1_000_000);
        Set<Integer> moved = new TreeSet<>();
        for (String instance : involved.keySet()) {
            Set<String> had = ownedBefore.get(instance);
            Set<String> has = ownedAfter.get(instance);
            PartitionCounts then = before.getOrDefault(instance, PartitionCounts.none());
            Map<String, Double> gaveUp = minus(had, has);
            Map<String, Double> got = minus(has, had);
            assertThat(after.get(instance).revokedSince(then)).as("%s: what %s gave up (once each)", name, instance)
                    .isEqualTo(gaveUp);
            assertThat(after.get(instance).assignedSince(then)).as("%s: what %s was given (once each)", name, instance)
                    .isEqualTo(got);
            if (!gaveUp.isEmpty()) handOvers++;
            gaveUp.keySet().forEach(p -> moved.add(number(p)));
            assertThat(numbers(has, "notifications")).as("%s: %s owns both halves of each pair", name, instance)
                    .isEqualTo(numbers(has, "retry"));
        }
        assertThat(moved).as("%s moved some pair", name).isNotEmpty();
        for (int p = 0; p < PARTITIONS; p++) {
            if (moved.contains(p)) continue;
            assertThat(deliveredAfter.getOrDefault(p, 0)).as("%s: deliveries of kept partition %d during the step", name, p)
                    .isGreaterThan(deliveredBefore.getOrDefault(p, 0));
        }
    }

    /**
     * Waits until the group's members have reached their target assignment, it covers both topics, and the live
     * instances' own counts say they own exactly that, unchanged for {@link #QUIET}.
     */
    private void awaitSettled() {
        AtomicReference<String> seen = new AtomicReference<>();
        await("group settled over " + live.keySet()).atMost(STEP_TIMEOUT).during(QUIET)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    List<Set<String>> members = members();
                    List<Set<String>> instances = new ArrayList<>(owned(counts(live), live.keySet()).values());
                    String state = sorted(members) + " / " + sorted(instances);
                    boolean same = state.equals(seen.getAndSet(state));
                    return same && members.size() == live.size() && sorted(members).equals(sorted(instances))
                            && members.stream().mapToInt(Set::size).sum() == 2 * PARTITIONS;
                });
    }

    /** Each member's partitions, as {@code notifications-N}, or nothing while a member has not reached its target. */
    private List<Set<String>> members() throws Exception {
        String group = env.sinkGroupId();
        ConsumerGroupDescription description = kafka.admin().describeConsumerGroups(List.of(group)).all()
                .get(30, TimeUnit.SECONDS).get(group);
        List<Set<String>> members = new ArrayList<>();
        for (MemberDescription member : description.members()) {
            Set<TopicPartition> has = member.assignment().topicPartitions();
            if (member.targetAssignment().map(t -> !t.topicPartitions().equals(has)).orElse(true)) return List.of();
            members.add(has.stream().map(this::name).collect(Collectors.toCollection(TreeSet::new)));
        }
        return members;
    }

    private String name(TopicPartition tp) {
        return (tp.topic().equals(env.topics().notifications()) ? "notifications" : "retry") + "-" + tp.partition();
    }

    /**
     * Deliveries so far by the partition of their key (the producer's default partitioner: murmur2 of the key),
     * reading only what arrived since the last call.
     */
    private Map<Integer, Integer> deliveredByPartition(TenantFleet fleet) {
        for (String tenant : TENANTS) {
            List<Received> requests = fleet.requests(tenant);
            int from = read.getOrDefault(tenant, 0);
            for (Deliveries.Delivery d : Deliveries.of(requests.subList(from, requests.size())).all()) {
                int partition = Utils.toPositive(Utils.murmur2(d.userKey().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
                delivered.merge(partition, 1, Integer::sum);
            }
            read.put(tenant, requests.size());
        }
        return new TreeMap<>(delivered);
    }

    private static Map<String, PartitionCounts> counts(Map<String, InProcessSink> instances) {
        Map<String, PartitionCounts> counts = new HashMap<>();
        instances.forEach((name, sink) -> counts.put(name, PartitionCounts.of(sink.meters())));
        return counts;
    }

    /** What each of {@code names} owns by its counts; nothing for one not counted yet (not started). */
    private static Map<String, Set<String>> owned(Map<String, PartitionCounts> counts, Set<String> names) {
        Map<String, Set<String>> owned = new TreeMap<>();
        names.forEach(n -> owned.put(n, counts.containsKey(n) ? counts.get(n).owned() : Set.of()));
        return owned;
    }

    /** Each partition of {@code a} not in {@code b}, counted once. */
    private static Map<String, Double> minus(Set<String> a, Set<String> b) {
        Map<String, Double> rest = new TreeMap<>();
        a.stream().filter(p -> !b.contains(p)).forEach(p -> rest.put(p, 1.0));
        return rest;
    }

    private static int number(String partition) {
        return Integer.parseInt(partition.substring(partition.lastIndexOf('-') + 1));
    }

    private static Set<Integer> numbers(Set<String> partitions, String topic) {
        return partitions.stream().filter(p -> p.startsWith(topic + "-")).map(SinkRebalanceUnderLoadIT::number)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> sorted(List<Set<String>> sets) {
        return sets.stream().map(Set::toString).sorted().toList();
    }
}
