package io.statusnotify.bench;

import java.util.Arrays;

/**
 * A time in epoch milliseconds per (partition, index), in dense growable int arrays of milliseconds since
 * {@code epochMs}: runs go to millions of events, where a map of boxed longs would weigh ten times as much and
 * take the harness's CPU from what it measures. An index is an input offset (or one relative to a start offset);
 * a fresh topic's offsets run from 0 without gaps, so the arrays stay dense. Not thread-safe.
 */
final class OffsetTable {
    static final long ABSENT = Long.MIN_VALUE;
    private static final int NONE = Integer.MIN_VALUE;
    private final long epochMs;
    private final int[][] values;

    OffsetTable(int partitions, long epochMs) {
        this.epochMs = epochMs;
        this.values = new int[partitions][];
        for (int p = 0; p < partitions; p++) values[p] = empty(1024);
    }

    int partitions() {
        return values.length;
    }

    /** Sets the time unless one is set already; false then. */
    boolean putIfAbsent(int partition, long index, long timeMs) {
        int i = Math.toIntExact(index);
        int[] row = values[partition];
        if (i >= row.length) {
            int size = row.length;
            row = Arrays.copyOf(row, Math.max(i + 1, size * 2));
            Arrays.fill(row, size, row.length, NONE);
            values[partition] = row;
        }
        if (row[i] != NONE) return false;
        row[i] = Math.toIntExact(timeMs - epochMs);
        return true;
    }

    /** The time at (partition, index), or {@link #ABSENT}. */
    long get(int partition, long index) {
        int[] row = values[partition];
        if (index < 0 || index >= row.length || row[(int) index] == NONE) return ABSENT;
        return epochMs + row[(int) index];
    }

    /** One past the highest index that may hold a time (an upper bound for a scan). */
    int capacity(int partition) {
        return values[partition].length;
    }

    private static int[] empty(int size) {
        int[] row = new int[size];
        Arrays.fill(row, NONE);
        return row;
    }
}
