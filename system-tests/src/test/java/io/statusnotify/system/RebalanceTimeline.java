package io.statusnotify.system;

import io.statusnotify.system.RebalanceLog.Callback;
import io.statusnotify.system.RebalanceLog.Kind;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@link RebalanceLog} replayed callback by callback: who owns what at every instant, and each way that ownership
 * could go wrong for a consumer that needs partition N of two topics on one member.
 */
final class RebalanceTimeline {
    private final String first;
    private final String second;
    private final Map<TopicPartition, String> owner = new HashMap<>();
    /** Where and when each partition was let go: its last owner's revocation. */
    private final Map<TopicPartition, Callback> releasedBy = new HashMap<>();
    /** An assignment of a partition another member still owned (before that member's revocation ended). */
    final List<String> takenWhileOwned = new ArrayList<>();
    /** An instant at which partition N of one topic and of the other were owned by two different members. */
    final List<String> pairSplitAcrossMembers = new ArrayList<>();
    /** A callback that handed over partition N of one topic but not of the other. */
    final List<String> pairSplitAcrossCallbacks = new ArrayList<>();
    /** A new owner that did not find committed what the previous owner committed when it let the partition go. */
    final List<String> commitNotSeen = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    /** Milliseconds from a partition's revocation (its commit done) to its next owner's assignment. */
    final List<Double> handOverMillis = new ArrayList<>();

    private RebalanceTimeline(String first, String second) {
        this.first = first;
        this.second = second;
    }

    /** The callbacks replayed over the two topics (equal partition counts). */
    static RebalanceTimeline replay(Collection<Callback> callbacks, String first, String second) {
        RebalanceTimeline timeline = new RebalanceTimeline(first, second);
        callbacks.forEach(timeline::apply);
        return timeline;
    }

    private void apply(Callback callback) {
        if (callback.kind() == Kind.LOST) lost.add(callback.toString());
        if (!sameNumbers(callback.partitions())) pairSplitAcrossCallbacks.add(callback.toString());
        for (TopicPartition tp : callback.partitions()) {
            if (callback.kind() == Kind.ASSIGNED) {
                take(callback, tp);
            } else if (callback.member().equals(owner.get(tp))) {
                owner.remove(tp);
                releasedBy.put(tp, callback);
            }
        }
        checkPairs(callback);
    }

    private void take(Callback callback, TopicPartition tp) {
        String previous = owner.put(tp, callback.member());
        if (previous != null) takenWhileOwned.add(tp + " by " + callback + " while " + previous + " owned it");
        Callback release = releasedBy.get(tp);
        if (release == null) return;
        handOverMillis.add((callback.nanos() - release.nanos()) / 1e6);
        Long committed = release.offsets().get(tp);
        if (!Objects.equals(committed, callback.offsets().get(tp))) {
            commitNotSeen.add(tp + ": " + release + " committed " + committed + ", " + callback + " found "
                    + callback.offsets().get(tp));
        }
    }

    private void checkPairs(Callback after) {
        owner.forEach((tp, member) -> {
            if (!tp.topic().equals(first)) return;
            String other = owner.get(new TopicPartition(second, tp.partition()));
            if (other != null && !other.equals(member)) {
                pairSplitAcrossMembers.add("after " + after + ": " + tp + " on " + member + ", its pair on " + other);
            }
        });
    }

    private boolean sameNumbers(Set<TopicPartition> partitions) {
        return numbers(partitions, first).equals(numbers(partitions, second));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions, String topic) {
        return partitions.stream().filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each member's partitions after the last callback (members that own nothing are absent). */
    Map<String, Set<TopicPartition>> ownership() {
        Map<String, Set<TopicPartition>> byMember = new TreeMap<>();
        owner.forEach((tp, member) ->
                byMember.computeIfAbsent(member, m -> new TreeSet<>(RebalanceTimeline::compare)).add(tp));
        return byMember;
    }

    /**
     * Whether every partition of both topics is owned, by exactly {@code members} (so a member that just joined has
     * been given something). Whether pairs stay together is for the test to assert, not a condition of settling.
     */
    boolean ownedByExactly(Set<String> members, int partitionsPerTopic) {
        return owner.size() == 2 * partitionsPerTopic && ownership().keySet().equals(members);
    }

    /** The partition numbers by topic, sorted: short enough for a log line. */
    static String names(Collection<TopicPartition> partitions) {
        Map<String, Set<Integer>> byTopic = new TreeMap<>();
        partitions.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition()));
        return byTopic.toString();
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}
