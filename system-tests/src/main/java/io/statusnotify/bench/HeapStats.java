package io.statusnotify.bench;

/**
 * The sink JVM's heap as its GC log tells it (sizes in MB, as the JVM logs them).
 *
 * @param maxUsedMb        the most heap in use, just before a collection
 * @param maxAfterGcMb     the most still in use right after a collection
 * @param liveAfterFullGcMb in use after the full GC the harness asks for at the end of the phase (the live set;
 *                         -1 if it could not ask)
 * @param heapLimitMb      the committed heap size the JVM reported last
 */
public record HeapStats(int maxUsedMb, int maxAfterGcMb, int liveAfterFullGcMb, int heapLimitMb, int collections,
                        double maxPauseMs, double totalPauseMs) {
}
