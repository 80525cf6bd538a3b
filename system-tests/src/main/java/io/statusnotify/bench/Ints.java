package io.statusnotify.bench;

import java.util.Arrays;

/** A growable array of ints: one per delivery, without boxing (a run records millions). Not thread-safe. */
final class Ints {
    private int[] values = new int[256];
    private int size;

    void add(int value) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    LatencySummary summary() {
        return LatencySummary.of(values, size);
    }
}
