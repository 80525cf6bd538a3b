package io.statusnotify.sink.engine;

import io.statusnotify.sink.offsets.PartitionWork;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.statusnotify.sink.engine.EngineFixture.doneAbove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is committed, when, and how, over a MockConsumer that records each commit and its kind: the commit interval
 * is 200 ms on a fake clock.
 */
class OffsetCommitterTest {
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final TopicPartition N0 = new TopicPartition("sns.notifications", 0);
    private static final TopicPartition N1 = new TopicPartition("sns.notifications", 1);
    private static final TopicPartition N2 = new TopicPartition("sns.notifications", 2);

    private final FakeClock clock = new FakeClock(EngineFixture.START);
    private final RecordingConsumer consumer = new RecordingConsumer();
    private final Set<TopicPartition> heldForScan = new HashSet<>();
    private final OffsetCommitter committer = new OffsetCommitter(consumer, clock, INTERVAL, heldForScan::contains);

    OffsetCommitterTest() {
        assign(consumer);
    }

    private static void assign(MockConsumer<String, byte[]> consumer) {
        consumer.assign(List.of(N0, N1, N2));
        consumer.updateBeginningOffsets(Map.of(N0, 0L, N1, 0L, N2, 0L));
    }

    /** Records {@code from} to {@code to} (exclusive) taken, the consumer's position past them. */
    private static PartitionWork taken(MockConsumer<String, byte[]> consumer, TopicPartition tp, long from, long to) {
        PartitionWork work = new PartitionWork(tp, false, null);
        for (long offset = from; offset < to; offset++) work.take(offset);
        consumer.seek(tp, to);
        return work;
    }

    @Test
    void givenRecordsFinishedOutOfOrder_whenTheIntervalHasPassed_thenTheLowestUnfinishedIsCommittedWithTheDoneAbove() {
        PartitionWork work = taken(consumer, N0, 0, 4);
        work.done(0);
        work.done(2);
        clock.advance(INTERVAL);

        committer.commitIfDue(List.of(work));

        assertThat(consumer.kinds).containsExactly("async");
        OffsetAndMetadata commit = consumer.commits.get(0).get(N0);
        assertThat(commit.offset()).isEqualTo(1);
        assertThat(doneAbove(commit)).containsExactly(2L);
    }

    @Test
    void givenACommitJustMade_whenLessThanTheIntervalHasPassed_thenTheNextWaitsForIt() {
        PartitionWork work = taken(consumer, N0, 0, 2);
        work.done(0);
        committer.commitIfDue(List.of(work));
        work.done(1);

        clock.advance(INTERVAL.minusMillis(1));
        committer.commitIfDue(List.of(work));
        assertThat(consumer.commits).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        committer.commitIfDue(List.of(work));
        assertThat(consumer.commits).containsExactly(
                Map.of(N0, new OffsetAndMetadata(1, "")), Map.of(N0, new OffsetAndMetadata(2, "")));
    }

    @Test
    void givenNothingChangedSinceTheLastCommit_whenDue_thenNothingIsSent() {
        PartitionWork work = taken(consumer, N0, 0, 1);
        work.done(0);
        committer.commitIfDue(List.of(work));

        clock.advance(INTERVAL);
        committer.commitIfDue(List.of(work));

        assertThat(consumer.commits).containsExactly(Map.of(N0, new OffsetAndMetadata(1, "")));
    }

    @Test
    void givenAHeldAndARevokedPartition_whenCommittedNow_thenOnlyTheOtherIsCommittedAndSynchronously() {
        PartitionWork delivering = taken(consumer, N0, 0, 0);
        consumer.seek(N0, 5);
        PartitionWork held = taken(consumer, N1, 0, 3);
        heldForScan.add(N1);
        PartitionWork revoked = taken(consumer, N2, 0, 3);
        revoked.revoke();

        committer.commitNow(List.of(delivering, held, revoked));

        assertThat(consumer.kinds).containsExactly("sync");
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(N0, N1, N2));
        assertThat(committed.get(N0)).isEqualTo(new OffsetAndMetadata(5, ""));
        assertThat(committed.get(N1)).isNull();
        assertThat(committed.get(N2)).isNull();
    }

    @Test
    void givenASyncCommitThatFails_whenTheNextCommitComes_thenItCoversTheSameOffsets() {
        RecordingConsumer failing = new RecordingConsumer();
        failing.failNextSync = new KafkaException("coordinator moved");
        assign(failing);
        OffsetCommitter committer = new OffsetCommitter(failing, clock, INTERVAL, tp -> false);
        PartitionWork work = taken(failing, N0, 0, 4);

        committer.commitNow(List.of(work));
        assertThat(failing.committed(Set.of(N0)).get(N0)).isNull();

        committer.commitNow(List.of(work));
        assertThat(failing.committed(Set.of(N0)).get(N0)).isEqualTo(new OffsetAndMetadata(0, ""));
    }

    @Test
    void givenAWakeupDuringASyncCommit_whenCommittingNow_thenItReachesTheCaller() {
        RecordingConsumer failing = new RecordingConsumer();
        failing.failNextSync = new WakeupException();
        assign(failing);
        OffsetCommitter committer = new OffsetCommitter(failing, clock, INTERVAL, tp -> false);
        PartitionWork work = taken(failing, N0, 0, 4);

        assertThatThrownBy(() -> committer.commitNow(List.of(work))).isInstanceOf(WakeupException.class);
    }

    /** Records every commit and whether it was synchronous; {@code failNextSync} is thrown by the next sync one. */
    private static final class RecordingConsumer extends MockConsumer<String, byte[]> {
        final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();
        KafkaException failNextSync;
        private boolean inSync;

        RecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            KafkaException thrown = failNextSync;
            failNextSync = null;
            if (thrown != null) throw thrown;
            inSync = true; // MockConsumer commits synchronously through commitAsync
            try {
                super.commitSync(offsets);
            } finally {
                inSync = false;
            }
        }

        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
            commits.add(Map.copyOf(offsets));
            kinds.add(inSync ? "sync" : "async");
            super.commitAsync(offsets, callback);
        }
    }
}
