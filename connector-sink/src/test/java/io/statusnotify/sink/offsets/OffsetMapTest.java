package io.statusnotify.sink.offsets;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class OffsetMapTest {

    private static DoneRanges ranges(java.util.Collection<Long> offsets) {
        DoneRanges ranges = new DoneRanges();
        offsets.forEach(ranges::add);
        return ranges;
    }

    private static SortedSet<Long> set(DoneRanges ranges) {
        SortedSet<Long> offsets = new TreeSet<>();
        ranges.forEachRun((start, end) -> {
            for (long o = start; o < end && offsets.size() < 10_000_000; o++) offsets.add(o);
        });
        return offsets;
    }

    private static SortedSet<Long> offsets(long... values) {
        return new TreeSet<>(LongStream.of(values).boxed().toList());
    }

    private static SortedSet<Long> range(long fromInclusive, long toExclusive) {
        return new TreeSet<>(LongStream.range(fromInclusive, toExclusive).boxed().toList());
    }

    private static String metadataOf(long... varints) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long value : varints) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
        return rawMetadata(out.toByteArray());
    }

    private static String rawMetadata(byte[] bytes) {
        return OffsetMap.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void runsAndGapsAboveTheBaseSurviveARoundTrip() {
        // given done records in runs, single ones and wide gaps, starting right at the base and further up
        SortedSet<Long> done = offsets(100, 101, 102, 105, 107, 108, 5_000, 5_001, 1_000_000_000_000L);

        // when
        String metadata = OffsetMap.encode(100, ranges(done));

        // then
        assertThat(metadata).startsWith(OffsetMap.PREFIX);
        assertThat(set(OffsetMap.decode(100, metadata))).containsExactlyElementsOf(done);
    }

    @Test
    void aRoundTripWorksWhenTheFirstDoneRecordIsAboveTheBase() {
        SortedSet<Long> done = offsets(43, 44, 50);

        assertThat(set(OffsetMap.decode(42, OffsetMap.encode(42, ranges(done))))).containsExactly(43L, 44L, 50L);
    }

    @Test
    void aLongRunCostsOnlyAFewCharacters() {
        SortedSet<Long> done = range(1_000, 101_000);

        String metadata = OffsetMap.encode(1_000, ranges(done));

        assertThat(metadata.length()).isLessThan(20);
        assertThat(set(OffsetMap.decode(1_000, metadata))).hasSize(100_000).first().isEqualTo(1_000L);
    }

    @Test
    void nothingDoneIsWrittenAsEmptyMetadataAndReadBackAsNothing() {
        assertThat(OffsetMap.encode(7, ranges(new TreeSet<>()))).isEmpty();
        assertThat(set(OffsetMap.decode(7, ""))).isEmpty();
        assertThat(set(OffsetMap.decode(7, null))).isEmpty();
    }

    @Test
    void offsetsBelowTheBaseAreIgnored() {
        // given records done below the offset about to be committed (already covered by it)
        SortedSet<Long> done = offsets(90, 95, 99, 100, 102);

        // when
        String metadata = OffsetMap.encode(100, ranges(done));

        // then only those at or above the base are recorded
        assertThat(set(OffsetMap.decode(100, metadata))).containsExactly(100L, 102L);
        assertThat(OffsetMap.encode(100, ranges(offsets(1, 2, 99)))).isEmpty();
    }

    @Test
    void metadataWrittenBySomeoneElseReadsAsNothingDone() {
        for (String foreign : List.of("checkpoint=42", "{\"app\":\"other\"}", "SNS1:AAEC", "sns2:AAEC", " sns1:AAEC")) {
            assertThat(set(OffsetMap.decode(10, foreign))).as(foreign).isEmpty();
        }
    }

    @Test
    void garbageAfterThePrefixReadsAsNothingDone() {
        assertThat(set(OffsetMap.decode(10, OffsetMap.PREFIX + "!!not base64!!"))).isEmpty();
        assertThat(set(OffsetMap.decode(10, OffsetMap.PREFIX + "gA"))).as("a varint cut short").isEmpty();
        assertThat(set(OffsetMap.decode(10, metadataOf(1)))).as("a gap without its run length").isEmpty();
        assertThat(set(OffsetMap.decode(10, metadataOf(1, 2, 8)))).as("valid runs with a torn tail").isEmpty();
        assertThat(set(OffsetMap.decode(10, rawMetadata(new byte[11])))).as("eleven zero bytes: an odd count").isEmpty();
        byte[] overlong = new byte[11];
        Arrays.fill(overlong, (byte) 0xFF);
        assertThat(set(OffsetMap.decode(10, rawMetadata(overlong)))).as("a varint over 64 bits").isEmpty();
    }

    @Test
    void fiftyThousandScatteredOffsetsStayUnderTheLimitKeepingTheLowestRuns() {
        // given 50,000 done offsets with gaps of 1 to 999 (varints of one and two bytes) and some runs
        Random random = new Random(20261125);
        SortedSet<Long> done = new TreeSet<>();
        long offset = 1_000;
        while (done.size() < 50_000) {
            offset += 1 + random.nextInt(999);
            int runLength = 1 + random.nextInt(3);
            for (int i = 0; i < runLength; i++) done.add(offset++);
        }

        // when
        String metadata = OffsetMap.encode(1_000, ranges(done));
        SortedSet<Long> kept = set(OffsetMap.decode(1_000, metadata));

        // then the metadata fits the broker's limit, some runs are kept and what is kept is exactly the lowest ones
        assertThat(metadata.length()).isLessThanOrEqualTo(OffsetMap.MAX_CHARS);
        assertThat(kept).isNotEmpty().hasSizeLessThan(done.size());
        assertThat(kept).containsExactlyElementsOf(done.stream().limit(kept.size()).toList());
        // ... and whole runs: the next done offset after the kept ones is not adjacent to the last kept one
        long firstLeftOut = done.tailSet(kept.last() + 1).first();
        assertThat(firstLeftOut).isGreaterThan(kept.last() + 1);
    }

    @Test
    void everyOtherOffsetOverflowingTheLimitKeepsAPrefixThatFillsMostOfIt() {
        SortedSet<Long> done = new TreeSet<>();
        for (long i = 0; i < 50_000; i++) done.add(2 * i);

        String metadata = OffsetMap.encode(0, ranges(done));
        SortedSet<Long> kept = set(OffsetMap.decode(0, metadata));

        assertThat(metadata.length()).isLessThanOrEqualTo(OffsetMap.MAX_CHARS).isGreaterThan(OffsetMap.MAX_CHARS - 10);
        assertThat(kept).containsExactlyElementsOf(done.headSet(kept.last() + 1));
        assertThat(kept.size()).isGreaterThan(1_000);
    }

    @Test
    void aHugeRunIsHeldAsOneRunNotOffsetByOffset() {
        String huge = metadataOf(0, 1L << 40);

        DoneRanges done = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> OffsetMap.decode(0, huge));

        assertThat(done.runCount()).isEqualTo(1);
        assertThat(done.contains((1L << 40) - 1)).isTrue();
        assertThat(done.contains(1L << 40)).isFalse();
    }
}
