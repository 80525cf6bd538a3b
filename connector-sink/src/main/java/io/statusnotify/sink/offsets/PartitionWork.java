package io.statusnotify.sink.offsets;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.TreeSet;

/**
 * One assigned partition's offsets: records taken but not finished, and records finished above the lowest unfinished
 * one. What it commits is the lowest unfinished offset, with the finished ones above it in the metadata
 * ({@link OffsetMap}). Records finished before a restart (read back from that metadata) are skipped when they come
 * again. Engine thread only.
 */
public final class PartitionWork {
    public final TopicPartition partition;
    public final boolean retryTopic;
    private final TreeSet<Long> outstanding = new TreeSet<>();
    /** Finished above the lowest unfinished offset, including those finished before a restart (from the metadata). */
    private final DoneRanges done;
    private int inFlight;
    private boolean revoked;
    private boolean closing;
    private OffsetAndMetadata lastCommitted;

    public PartitionWork(TopicPartition partition, boolean retryTopic, OffsetAndMetadata committed) {
        this.partition = partition;
        this.retryTopic = retryTopic;
        this.lastCommitted = committed;
        this.done = committed == null ? new DoneRanges() : OffsetMap.decode(committed.offset(), committed.metadata());
    }

    /** False when this record was finished before a restart: it counts as done and must not be sent again. */
    public boolean take(long offset) {
        if (done.contains(offset)) return false;
        outstanding.add(offset);
        return true;
    }

    public void done(long offset) {
        if (outstanding.remove(offset)) done.add(offset);
    }

    /**
     * The commit for this partition now, or null when nothing changed. {@code position} is the consumer's next
     * offset, used when nothing is outstanding (it also steps over transaction markers).
     */
    public OffsetAndMetadata toCommit(long position) {
        long next = outstanding.isEmpty() ? position : outstanding.first();
        done.removeBelow(next);
        String metadata = OffsetMap.encode(next, done);
        if (lastCommitted != null && lastCommitted.offset() == next && metadata.equals(lastCommitted.metadata())) return null;
        return new OffsetAndMetadata(next, metadata);
    }

    public void committed(OffsetAndMetadata commit) {
        lastCommitted = commit;
    }

    /** Set aside without committing: the new owner (or the next start) reads from the last commit. */
    public void revoke() {
        revoked = true;
        closing = true;
    }

    /** Being handed over: what is in flight finishes, nothing new starts. */
    public void close() {
        closing = true;
    }

    public boolean isClosing() {
        return closing;
    }

    public boolean isRevoked() {
        return revoked;
    }

    public void requestStarted() {
        inFlight++;
    }

    public void requestEnded() {
        inFlight--;
    }

    public boolean isBusy() {
        return inFlight > 0;
    }

    int outstandingCount() {
        return outstanding.size();
    }
}
