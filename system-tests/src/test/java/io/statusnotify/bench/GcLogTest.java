package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GcLogTest {

    @Test
    void heapFiguresComeFromThePauseLines() {
        // given a G1 log with young pauses, a concurrent cycle and the harness's jcmd GC.run at the end
        List<String> log = List.of(
                "[0.010s][info][gc] Using G1",
                "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms",
                "[2.000s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Evacuation Pause) 120M->41M(256M) 7.500ms",
                "[2.100s][info][gc] GC(2) Concurrent Mark Cycle 12.001ms",
                "[3.000s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 150M->38M(256M) 3.100ms",
                "[9.000s][info][gc] GC(4) Pause Full (Diagnostic Command) 60M->22M(256M) 31.250ms");

        // when
        HeapStats heap = GcLog.parse(log);

        // then
        assertThat(heap).isEqualTo(new HeapStats(150, 41, 22, 256, 4, 31.3, 44.2));
    }

    @Test
    void kilobytesAndGigabytesAreConvertedToMegabytes() {
        List<String> log = List.of(
                "[0.5s][info][gc] GC(0) Pause Young (Allocation Failure) 2048K->1025K(1G) 1.0ms");

        HeapStats heap = GcLog.parse(log);

        assertThat(heap.maxUsedMb()).isEqualTo(2);
        assertThat(heap.maxAfterGcMb()).isEqualTo(2);
        assertThat(heap.heapLimitMb()).isEqualTo(1024);
        assertThat(heap.liveAfterFullGcMb()).as("no forced full GC").isEqualTo(-1);
    }

    @Test
    void anEmptyLogHasNoCollections() {
        assertThat(GcLog.parse(List.of())).isEqualTo(new HeapStats(0, 0, -1, 0, 0, 0, 0));
    }
}
