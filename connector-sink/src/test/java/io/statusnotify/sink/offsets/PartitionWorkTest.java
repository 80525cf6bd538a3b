package io.statusnotify.sink.offsets;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionWorkTest {
    private static final TopicPartition PARTITION = new TopicPartition("sns.notifications", 3);

    private static SortedSet<Long> offsets(long... values) {
        return new TreeSet<>(LongStream.of(values).boxed().toList());
    }

    private static PartitionWork fresh() {
        return new PartitionWork(PARTITION, false, null);
    }

    private static PartitionWork restartedFrom(long committed, long... doneAbove) {
        return new PartitionWork(PARTITION, false,
                new OffsetAndMetadata(committed, OffsetMap.encode(committed, ranges(offsets(doneAbove)))));
    }

    private static void takeAll(PartitionWork work, long fromInclusive, long toExclusive) {
        for (long offset = fromInclusive; offset < toExclusive; offset++) assertThat(work.take(offset)).isTrue();
    }

    private static SortedSet<Long> doneIn(OffsetAndMetadata commit) {
        SortedSet<Long> done = new java.util.TreeSet<>();
        OffsetMap.decode(commit.offset(), commit.metadata()).forEachRun((start, end) -> {
            for (long o = start; o < end; o++) done.add(o);
        });
        return done;
    }

    private static DoneRanges ranges(java.util.Collection<Long> offsets) {
        DoneRanges ranges = new DoneRanges();
        offsets.forEach(ranges::add);
        return ranges;
    }

    @Test
    void theCommitIsTheLowestUnfinishedOffset() {
        // given records 10..14 taken, and all but 12 and 14 finished
        PartitionWork work = fresh();
        takeAll(work, 10, 15);
        work.done(10);
        work.done(11);
        work.done(13);

        // when
        OffsetAndMetadata commit = work.toCommit(15);

        // then
        assertThat(commit.offset()).isEqualTo(12);
        assertThat(work.outstandingCount()).isEqualTo(2);
    }

    @Test
    void recordsFinishedAboveTheLowestUnfinishedTravelInTheMetadata() {
        // given 10 still in flight while 11, 12 and 14 are finished
        PartitionWork work = fresh();
        takeAll(work, 10, 16);
        work.done(11);
        work.done(12);
        work.done(14);

        // when
        OffsetAndMetadata commit = work.toCommit(16);

        // then
        assertThat(commit.offset()).isEqualTo(10);
        assertThat(doneIn(commit)).containsExactly(11L, 12L, 14L);
    }

    @Test
    void whenEverythingIsFinishedTheCommitIsTheConsumerPosition() {
        // given every taken record finished, and the consumer's position past a transaction marker at 13
        PartitionWork work = fresh();
        takeAll(work, 10, 13);
        work.done(12);
        work.done(10);
        work.done(11);

        // when
        OffsetAndMetadata commit = work.toCommit(14);

        // then the commit steps over the marker, and there is nothing left to list
        assertThat(commit.offset()).isEqualTo(14);
        assertThat(commit.metadata()).isEmpty();
        assertThat(work.outstandingCount()).isZero();
    }

    @Test
    void finishingTheLowestMovesTheCommitUpOverEverythingFinishedAboveIt() {
        PartitionWork work = fresh();
        takeAll(work, 10, 20);
        for (long offset = 11; offset < 20; offset++) if (offset != 15) work.done(offset);
        assertThat(work.toCommit(20).offset()).isEqualTo(10);

        work.done(10);
        OffsetAndMetadata commit = work.toCommit(20);

        assertThat(commit.offset()).isEqualTo(15);
        assertThat(doneIn(commit)).containsExactly(16L, 17L, 18L, 19L);
    }

    @Test
    void finishingARecordThatWasNeverTakenChangesNothing() {
        PartitionWork work = fresh();
        takeAll(work, 10, 12);

        work.done(11);
        work.done(99);
        work.done(11);

        OffsetAndMetadata commit = work.toCommit(12);
        assertThat(commit.offset()).isEqualTo(10);
        assertThat(doneIn(commit)).containsExactly(11L);
        assertThat(work.outstandingCount()).isEqualTo(1);
    }

    @Test
    void nothingChangedSinceTheLastCommitMeansNoCommit() {
        // given a commit that went through
        PartitionWork work = fresh();
        takeAll(work, 10, 13);
        work.done(11);
        OffsetAndMetadata first = work.toCommit(13);
        work.committed(first);

        // when nothing changes, then nothing is committed
        assertThat(work.toCommit(13)).isNull();

        // when another record finishes, then there is a new commit
        work.done(12);
        OffsetAndMetadata second = work.toCommit(13);
        assertThat(second).isNotNull();
        assertThat(second.offset()).isEqualTo(10);
        assertThat(doneIn(second)).containsExactly(11L, 12L);
    }

    @Test
    void aCommitThatWasNotConfirmedIsOfferedAgain() {
        PartitionWork work = fresh();
        takeAll(work, 10, 12);
        work.done(10);

        OffsetAndMetadata attempted = work.toCommit(12);

        assertThat(work.toCommit(12)).isEqualTo(attempted);
    }

    @Test
    void anIdlePartitionCommitsOnlyWhenThePositionMoves() {
        PartitionWork work = new PartitionWork(PARTITION, false, new OffsetAndMetadata(50, ""));

        assertThat(work.toCommit(50)).isNull();
        assertThat(work.toCommit(52)).isEqualTo(new OffsetAndMetadata(52, ""));
    }

    @Test
    void afterARestartTheRecordsListedAsDoneAreSkippedAndTheOthersTaken() {
        // given a commit at 10 whose metadata lists 12, 13 and 15 as done
        PartitionWork work = restartedFrom(10, 12, 13, 15);

        // when the records come again, then exactly the listed ones are skipped
        assertThat(work.take(10)).isTrue();
        assertThat(work.take(11)).isTrue();
        assertThat(work.take(12)).isFalse();
        assertThat(work.take(13)).isFalse();
        assertThat(work.take(14)).isTrue();
        assertThat(work.take(15)).isFalse();
        assertThat(work.take(16)).isTrue();
        assertThat(work.outstandingCount()).isEqualTo(4);
    }

    @Test
    void afterARestartNothingTakenYetMeansTheReadCommitStands() {
        // given a restart from a commit listing done records, before any record has come again
        PartitionWork work = restartedFrom(10, 12, 13, 15);

        // then there is nothing new to commit, and the listed records are not forgotten
        assertThat(work.toCommit(10)).isNull();
    }

    @Test
    void recordsDoneBeforeARestartStayInLaterCommitsUntilTheBasePassesThem() {
        // given a restart from 10 with 12, 13 and 15 done, and records 10..16 come again
        PartitionWork work = restartedFrom(10, 12, 13, 15);
        for (long offset = 10; offset < 17; offset++) work.take(offset);

        // then the listed ones stay listed while 10 is unfinished: the read commit stands
        assertThat(work.toCommit(17)).isNull();
        work.done(16);
        OffsetAndMetadata stillAt10 = work.toCommit(17);
        assertThat(stillAt10.offset()).isEqualTo(10);
        assertThat(doneIn(stillAt10)).containsExactly(12L, 13L, 15L, 16L);

        // when 10 and 11 finish, then the commit moves up to 14 and 15 is still listed
        work.done(10);
        work.done(11);
        OffsetAndMetadata at14 = work.toCommit(17);
        assertThat(at14.offset()).isEqualTo(14);
        assertThat(doneIn(at14)).containsExactly(15L, 16L);

        // when 14 finishes, then nothing is left to list
        work.done(14);
        assertThat(work.toCommit(17)).isEqualTo(new OffsetAndMetadata(17, ""));
    }

    @Test
    void recordsDoneBeforeARestartThatHaveNotComeAgainAreStillListed() {
        // given a restart from 10 with 20 and 21 done, and only 10..12 fetched and finished so far
        PartitionWork work = restartedFrom(10, 20, 21);
        takeAll(work, 10, 13);
        work.done(10);
        work.done(11);
        work.done(12);

        // when
        OffsetAndMetadata commit = work.toCommit(13);

        // then the commit moves up but keeps 20 and 21 for the next restart
        assertThat(commit.offset()).isEqualTo(13);
        assertThat(doneIn(commit)).containsExactly(20L, 21L);
    }

    @Test
    void recordsDoneBeforeARestartAndRecordsDoneNowAreListedTogether() {
        PartitionWork work = restartedFrom(10, 12, 14);
        for (long offset = 10; offset < 16; offset++) work.take(offset);
        work.done(13);
        work.done(15);

        OffsetAndMetadata commit = work.toCommit(16);

        assertThat(commit.offset()).isEqualTo(10);
        assertThat(doneIn(commit)).containsExactly(12L, 13L, 14L, 15L);
    }

    @Test
    void aCommitWithoutMetadataSkipsNothing() {
        PartitionWork work = new PartitionWork(PARTITION, false, new OffsetAndMetadata(10, "written by another tool"));

        assertThat(work.take(10)).isTrue();
        assertThat(work.take(11)).isTrue();
        assertThat(work.toCommit(12).offset()).isEqualTo(10);
    }
}
