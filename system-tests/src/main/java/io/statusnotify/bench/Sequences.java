package io.statusnotify.bench;

import java.util.BitSet;

/** Sink mode's numbering: the load producer's own sequence 1, 2, 3, ..., seen-set as a bit set over ints. */
final class Sequences implements Identity {
    private final long firstSequence;
    private final BitSet seen = new BitSet();

    /** @param firstSequence notifications numbered below it (the warm-up's, arriving late) are not counted */
    Sequences(long firstSequence) {
        this.firstSequence = firstSequence;
    }

    @Override
    public boolean counts(long sequenceNum) {
        return sequenceNum >= firstSequence;
    }

    @Override
    public boolean readable(long sequenceNum) {
        return sequenceNum >= 0 && sequenceNum <= Integer.MAX_VALUE;
    }

    @Override
    public boolean firstArrival(long sequenceNum, long arrivalMs) {
        int seq = (int) sequenceNum;
        if (seen.get(seq)) return false;
        seen.set(seq);
        return true;
    }
}
