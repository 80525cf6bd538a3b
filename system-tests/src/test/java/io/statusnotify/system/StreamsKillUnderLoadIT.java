package io.statusnotify.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.streams.SequenceNumbers;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once, tested: the streams app (its real main, in its own JVM) is killed with SIGKILL while a transaction
 * holds notifications it has written but not committed, with events arriving at a steady rate, then started again.
 * Read {@code read_committed} to its end, the notifications topic then holds exactly one notification per event
 * (matched by the event's identity, its input partition and offset, which the notification carries as its
 * sequenceNum), while the killed transaction's records are on the log, aborted.
 */
@ExtendWith(SharedKafka.class)
class StreamsKillUnderLoadIT {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsKillUnderLoadIT.class);
    private static final List<String> TENANTS = TenantFleet.names(3);
    private static final int USERS_PER_TENANT = 20;
    private static final int PER_SECOND = 200;
    private static final int TRAFFIC_SECONDS = 20;
    /**
     * Transactions of two seconds (the default is 10 ms) hold up to 400 notifications each, so the kill can be
     * aimed at one that has written some and is far from its commit.
     */
    private static final String COMMIT_INTERVAL = "2s";
    /**
     * Kill once an open transaction holds at least this many of its notifications on each partition (while a commit
     * writes its markers, some partitions hold none)...
     */
    private static final long TAIL_PER_PARTITION_AT_LEAST = 5;
    /** ...and no more than this in all: begun well under a second ago, so its commit is more than a second away. */
    private static final long TAIL_AT_MOST = 150;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void aStreamsAppKilledMidTransactionUnderLoadLeavesExactlyOneNotificationPerEvent(TestKafka kafka) {
        // A short session lets the restarted app take over the killed member's partitions in seconds, not 45.
        PipelineEnv env = PipelineEnv.fresh(kafka, "streams-kill").with("SNS_STREAMS_COMMIT_INTERVAL", COMMIT_INTERVAL)
                .with("KAFKA_SESSION_TIMEOUT_MS", "6000").with("KAFKA_HEARTBEAT_INTERVAL_MS", "1000")
                .provisionTopics();
        try (PortalProducer admin = new PortalProducer(env.bootstrapServers())) {
            for (String tenant : TENANTS) {
                admin.send(env.topics().tenantConfig(), tenant,
                        TenantConfigs.enabled("http://127.0.0.1:9/hooks/" + tenant, "user", "password"));
            }
        }
        TrafficPlan plan = TrafficPlan.of(TENANTS, USERS_PER_TENANT, PER_SECOND, TRAFFIC_SECONDS);
        UncommittedTail tail = new UncommittedTail(kafka.admin(), env.topics().notifications(), env.partitions());
        try (EventFeed feed = new EventFeed(env.bootstrapServers(), env.topics().userStatus(), plan)) {
            // given the streams app in its own JVM turning a steady stream of events into notifications
            try (AppProcess first = AppProcess.streams(env, "streams-kill-first")) {
                feed.start();
                await("notifications committed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                        .until(() -> !kafka.readAll(env.topics().notifications()).isEmpty());
                await("a transaction with a few uncommitted notifications on each partition").atMost(TIMEOUT)
                        .pollInterval(Duration.ofMillis(5)).until(tail::byPartition, StreamsKillUnderLoadIT::aimable);

                // when it is killed with SIGKILL in the middle of that transaction
                int exitCode = first.kill();
                long leftOpen = total(tail.byPartition());
                LOG.info("{} killed (exit {}) with {} notifications in its open transaction, {} of {} events sent",
                        first, exitCode, leftOpen, feed.sent(), plan.total());
                assertThat(leftOpen).as("notifications of the killed transaction, written, not committed").isPositive();
                assertThat(feed.sent()).as("the kill landed while events were still arriving").isLessThan(plan.total());
            }

            // and started again, while the events go on
            try (AppProcess second = AppProcess.streams(env, "streams-kill-second")) {
                feed.awaitAcknowledged(Duration.ofSeconds(TRAFFIC_SECONDS + 60));
                Set<Long> events = TopicReader.readAll(env.bootstrapServers(), env.topics().userStatus()).stream()
                        .map(r -> SequenceNumbers.of(r.partition(), r.offset())).collect(Collectors.toSet());
                assertThat(events).as("events on the input topic").hasSize(plan.total());

                // then, read committed, there is one notification per event, and no other
                kafka.awaitRecords(env.topics().notifications(), events.size(), TIMEOUT);
                List<ConsumerRecord<String, byte[]>> notifications = kafka.readAll(env.topics().notifications());
                Map<Long, Long> perEvent = notifications.stream().map(StreamsKillUnderLoadIT::sequenceNum)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(examples(events.stream().filter(e -> !perEvent.containsKey(e))))
                        .as("events without a notification").isEmpty();
                assertThat(examples(perEvent.keySet().stream().filter(e -> !events.contains(e))))
                        .as("notifications of no event").isEmpty();
                assertThat(examples(perEvent.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)))
                        .as("events with more than one notification").isEmpty();
                // and the killed transaction's notifications are on the log, aborted: the restart wrote them again
                int onTheLog = kafka.readAllUncommitted(env.topics().notifications()).size();
                LOG.info("{} events, {} notifications committed, {} on the log", events.size(), notifications.size(),
                        onTheLog);
                assertThat(onTheLog).as("notifications on the log, aborted ones included")
                        .isGreaterThan(notifications.size());
                assertThat(second.isAlive()).as("%s still running", second).isTrue();
            }
        }
    }

    /** A transaction that has written to every partition, not long ago. */
    private static boolean aimable(Map<Integer, Long> tail) {
        return tail.values().stream().allMatch(n -> n >= TAIL_PER_PARTITION_AT_LEAST) && total(tail) <= TAIL_AT_MOST;
    }

    private static long total(Map<Integer, Long> tail) {
        return tail.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few of them, for a failure message that stays readable with thousands of events. */
    private static List<Long> examples(Stream<Long> events) {
        return events.limit(5).toList();
    }

    private static long sequenceNum(ConsumerRecord<String, byte[]> record) {
        JsonNode notification = SeedNotification.read(new String(record.value(), StandardCharsets.UTF_8));
        return notification.path("sequenceNum").asLong();
    }
}
