package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.List;

/** Joins a phase's arrivals ({@link InputOffsets}) with the probe's visibility times into {@link StageLatency}. */
final class Stages {
    private final long startMs;
    private final Ints first = new Ints();
    private final Ints second = new Ints();
    private final List<Ints> firstBySecond = new ArrayList<>();
    private final List<Ints> secondBySecond = new ArrayList<>();
    private long notSeen;

    private Stages(long startMs) {
        this.startMs = startMs;
    }

    /** @param startMs the phase start, second 0 of the per-second series (as the recorder's) */
    static StageLatency of(InputOffsets arrivals, VisibilityProbe probe, long startMs) {
        Stages stages = new Stages(startMs);
        for (int p = 0; p < arrivals.partitions(); p++) {
            for (int i = 0; i < arrivals.capacity(p); i++) {
                long arrival = arrivals.arrivalMs(p, i);
                if (arrival != OffsetTable.ABSENT) stages.add(arrival, probe, p, arrivals.from(p) + i);
            }
        }
        return stages.result();
    }

    private void add(long arrivalMs, VisibilityProbe probe, int partition, long offset) {
        long visible = probe.visibleMs(partition, offset);
        if (visible == OffsetTable.ABSENT) {
            notSeen++;
            return;
        }
        int toVisible = clamp(visible - probe.createdMs(partition, offset));
        int toReceived = clamp(arrivalMs - visible);
        int index = (int) Math.max(0, (arrivalMs - startMs) / 1000);
        first.add(toVisible);
        second.add(toReceived);
        PerSecond.bucket(firstBySecond, index).add(toVisible);
        PerSecond.bucket(secondBySecond, index).add(toReceived);
    }

    private StageLatency result() {
        return new StageLatency(first.summary(), second.summary(), notSeen, PerSecond.series(firstBySecond),
                PerSecond.series(secondBySecond));
    }

    private static int clamp(long ms) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ms));
    }
}
