package io.statusnotify.bench;

import io.statusnotify.streams.SequenceNumbers;

/**
 * Pipeline mode's numbering: the streams app's {@code sequenceNum = (inputOffset << 12) | inputPartition}, which
 * exceeds an int after 2^19 events a partition, so it is decoded rather than kept in a bit set. A phase counts the
 * events from given input offsets on (the warm-up's come before them); their arrival times are kept densely per
 * partition, indexed by offset − start offset, for the stage split ({@link Stages}).
 */
final class InputOffsets implements Identity {
    private final long[] from;
    private final OffsetTable arrivals;

    /** @param from per input partition, the first offset the phase counts */
    InputOffsets(long[] from, long epochMs) {
        this.from = from.clone();
        this.arrivals = new OffsetTable(from.length, epochMs);
    }

    @Override
    public boolean counts(long sequenceNum) {
        int partition = SequenceNumbers.partitionOf(sequenceNum);
        return partition < from.length && SequenceNumbers.offsetOf(sequenceNum) >= from[partition];
    }

    @Override
    public boolean readable(long sequenceNum) {
        return sequenceNum >= 0 && SequenceNumbers.partitionOf(sequenceNum) < from.length;
    }

    @Override
    public boolean firstArrival(long sequenceNum, long arrivalMs) {
        int partition = SequenceNumbers.partitionOf(sequenceNum);
        return arrivals.putIfAbsent(partition, SequenceNumbers.offsetOf(sequenceNum) - from[partition], arrivalMs);
    }

    int partitions() {
        return from.length;
    }

    long from(int partition) {
        return from[partition];
    }

    /** Arrival of the event at {@code from(partition) + index}, or {@link OffsetTable#ABSENT}; under the recorder's lock. */
    long arrivalMs(int partition, long index) {
        return arrivals.get(partition, index);
    }

    int capacity(int partition) {
        return arrivals.capacity(partition);
    }
}
