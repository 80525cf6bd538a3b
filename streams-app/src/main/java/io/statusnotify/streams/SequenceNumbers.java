package io.statusnotify.streams;

/**
 * How a notification's {@code sequenceNum} is derived: {@code (inputOffset << 12) | inputPartition}, from the
 * partition and offset of the input record on {@code portal.user-status} the notification was built from.
 * <ul>
 *   <li><b>Unique across the deployment</b>: a (partition, offset) pair names exactly one input record, whichever
 *       instance processes it and however often the app restarts.</li>
 *   <li><b>Stable on reprocessing</b>: a record processed again (after a crash, a rebalance, a reset) gets the same
 *       number, so a receiver can de-duplicate on it.</li>
 *   <li><b>Increasing per user</b>: offsets grow within a partition, and the portal keys events by user
 *       ({@code tenant/memberID}), so one user's events share a partition and their numbers increase. Numbers of
 *       different users are unique but not ordered with respect to each other; gaps are normal.</li>
 *   <li><b>Bounds</b>: the partition takes the low 12 bits, so the input topic may have at most 4096 partitions
 *       (checked at start). Below offset 2^41 the number stays below 2^53, so JavaScript receivers read it
 *       exactly.</li>
 * </ul>
 */
public final class SequenceNumbers {
    public static final int PARTITION_BITS = 12;
    /** The most input partitions the scheme supports (partition numbers 0..4095). */
    public static final int MAX_PARTITIONS = 1 << PARTITION_BITS;
    private static final long MAX_OFFSET = (1L << (Long.SIZE - 1 - PARTITION_BITS)) - 1;

    private SequenceNumbers() {
    }

    public static long of(int partition, long offset) {
        if (partition < 0 || partition >= MAX_PARTITIONS) {
            throw new IllegalArgumentException("input partition " + partition + " outside 0.." + (MAX_PARTITIONS - 1)
                    + ": sequenceNum supports at most " + MAX_PARTITIONS + " input partitions");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("input offset " + offset + " outside 0.." + MAX_OFFSET);
        }
        return (offset << PARTITION_BITS) | partition;
    }

    public static int partitionOf(long sequenceNum) {
        return (int) (sequenceNum & (MAX_PARTITIONS - 1));
    }

    public static long offsetOf(long sequenceNum) {
        return sequenceNum >>> PARTITION_BITS;
    }
}
