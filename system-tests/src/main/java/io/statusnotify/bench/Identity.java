package io.statusnotify.bench;

/**
 * How a {@link Recorder} tells notifications apart by their {@code sequenceNum}: which ones its phase counts, and
 * whether one has arrived before. Sink mode numbers notifications 1, 2, 3, ... ({@link Sequences}); in pipeline
 * mode the streams app derives the number from the input partition and offset ({@link InputOffsets}).
 * {@link #counts} is called from any receiver thread (it must read only what is fixed at construction); the others
 * under the recorder's lock.
 */
interface Identity {
    /** Whether the notification numbered {@code sequenceNum} is this phase's (not a warm-up one arriving late). */
    boolean counts(long sequenceNum);

    /** Whether the number fits this scheme at all; a POST whose number does not is counted unreadable. */
    boolean readable(long sequenceNum);

    /** Marks it arrived; false when it had arrived before (a duplicate). */
    boolean firstArrival(long sequenceNum, long arrivalMs);
}
