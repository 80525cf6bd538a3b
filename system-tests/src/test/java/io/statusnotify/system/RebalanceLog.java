package io.statusnotify.system;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rebalance callback of a group's members, in the order they happened (members append from their own poll
 * threads): a revocation is logged when its callback ends (its commit done), an assignment when its callback starts,
 * so the log's order is the order in which partitions were let go and taken.
 */
final class RebalanceLog {
    enum Kind { ASSIGNED, REVOKED, LOST }

    /**
     * One callback: {@code offsets} is what the member committed (revoked) or found committed (assigned, filled in
     * just after the callback is logged) for its partitions; {@code nanos} is {@link System#nanoTime()}.
     */
    record Callback(int seq, String member, Kind kind, Set<TopicPartition> partitions,
                    Map<TopicPartition, Long> offsets, long nanos) {
        void offsets(Map<TopicPartition, OffsetAndMetadata> commits) {
            commits.forEach((tp, commit) -> offsets.put(tp, commit == null ? null : commit.offset()));
        }

        @Override
        public String toString() {
            return "#" + seq + " " + member + " " + kind + " " + RebalanceTimeline.names(partitions);
        }
    }

    private final List<Callback> callbacks = new ArrayList<>();

    synchronized Callback add(String member, Kind kind, Collection<TopicPartition> partitions) {
        Callback callback = new Callback(callbacks.size(), member, kind, Set.copyOf(partitions),
                Collections.synchronizedMap(new HashMap<>()), System.nanoTime());
        callbacks.add(callback);
        return callback;
    }

    synchronized int size() {
        return callbacks.size();
    }

    synchronized List<Callback> all() {
        return List.copyOf(callbacks);
    }

    /** The callbacks from index {@code from} on. */
    synchronized List<Callback> since(int from) {
        return List.copyOf(callbacks.subList(from, callbacks.size()));
    }
}
