package io.statusnotify.sink.offsets;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A set of offsets kept as runs {@code [start, end)}: finished records above a partition's lowest unfinished one are
 * mostly long runs, so memory grows with the number of gaps (the unfinished records), not with the finished ones.
 */
public final class DoneRanges {
    private final TreeMap<Long, Long> runs = new TreeMap<>();

    void add(long offset) {
        addRun(offset, offset + 1);
    }

    void addRun(long start, long end) {
        if (end <= start) return;
        Map.Entry<Long, Long> before = runs.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            if (before.getValue() >= end) return;
            start = before.getKey();
        }
        Map.Entry<Long, Long> next = runs.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            runs.remove(next.getKey());
            next = runs.ceilingEntry(start);
        }
        runs.put(start, end);
    }

    public boolean contains(long offset) {
        Map.Entry<Long, Long> run = runs.floorEntry(offset);
        return run != null && run.getValue() > offset;
    }

    /** Forgets every offset below {@code offset}. */
    void removeBelow(long offset) {
        Map.Entry<Long, Long> first;
        while ((first = runs.firstEntry()) != null && first.getKey() < offset) {
            runs.remove(first.getKey());
            if (first.getValue() > offset) runs.put(offset, first.getValue());
        }
    }

    /** Each run, lowest first. */
    public void forEachRun(BiConsumer<Long, Long> startAndEnd) {
        runs.forEach(startAndEnd);
    }

    int runCount() {
        return runs.size();
    }
}
