package io.statusnotify.streams;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.statusnotify.streams.TopologyFixture.event;
import static io.statusnotify.streams.TopologyFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceNumbersTest {

    @Test
    void numbersAreUniqueAcrossPartitionsAndOffsets() {
        Set<Long> seen = new HashSet<>();
        int[] partitions = {0, 1, 2, 5, 4094, 4095};
        long[] offsets = {0, 1, 2, 4095, 4096, 1L << 20, (1L << 41) - 1};

        for (int partition : partitions) {
            for (long offset : offsets) {
                long seq = SequenceNumbers.of(partition, offset);
                assertThat(seen.add(seq)).as("p%d o%d", partition, offset).isTrue();
                assertThat(SequenceNumbers.partitionOf(seq)).isEqualTo(partition);
                assertThat(SequenceNumbers.offsetOf(seq)).isEqualTo(offset);
            }
        }
    }

    @Test
    void sameInputRecordGetsTheSameNumber() {
        assertThat(SequenceNumbers.of(3, 12345)).isEqualTo(SequenceNumbers.of(3, 12345));
    }

    @Test
    void numbersIncreaseWithTheOffsetWithinAPartition() {
        for (int partition : new int[]{0, 7, 4095}) {
            assertThat(SequenceNumbers.of(partition, 10)).isLessThan(SequenceNumbers.of(partition, 11));
        }
    }

    @Test
    void numbersStayExactInJavaScriptBelowOffset2Pow41() {
        assertThat(SequenceNumbers.of(4095, (1L << 41) - 1)).isLessThan(1L << 53);
    }

    @Test
    void partitionsBeyond4095AreRejected() {
        assertThatThrownBy(() -> SequenceNumbers.of(4096, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 4096");
        assertThatThrownBy(() -> SequenceNumbers.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequenceNumbers.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneUsersNotificationsCarryIncreasingNumbersDerivedFromTheInputOffset(@TempDir Path stateDir) {
        try (TopologyFixture app = new TopologyFixture(stateDir)) {
            app.enable("acme");
            app.send("acme/x", "bad".getBytes()); // offset 0, dead-lettered: a gap is normal

            app.send(event("acme", "alice", "Online"));
            app.send(event("acme", "alice", "Ringing"));
            app.send(event("acme", "alice", "Busy"));

            List<Long> numbers = app.notifications().stream().map(TestRecord::value)
                    .map(v -> json(v).get("sequenceNum").asLong()).toList();
            assertThat(numbers).containsExactly(SequenceNumbers.of(0, 1), SequenceNumbers.of(0, 2),
                    SequenceNumbers.of(0, 3));
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
        }
    }
}
