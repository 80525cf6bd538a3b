package io.statusnotify.sink.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drop waiting for the tenant view, with a fake read barrier: the test numbers the reads and completes the rounds
 * (as the config follower does), and the engine's tasks run at once.
 */
class ViewWaitsTest {
    private final List<LongConsumer> rounds = new ArrayList<>();
    private final List<KeyLane> advanced = new ArrayList<>();
    private long reads;
    private final ViewWaits views = new ViewWaits(() -> ++reads, rounds::add, Runnable::run, advanced::add);
    private final Items items = new Items();

    private KeyLane read(String member) {
        KeyLane lane = items.add(items.main, "acme", member, 1, 0);
        views.read(lane.items.peek());
        return lane;
    }

    /** The follower completes every round asked for, covering the reads so far. */
    private void roundsComplete() {
        long covered = reads;
        List<LongConsumer> served = List.copyOf(rounds);
        rounds.clear();
        served.forEach(then -> then.accept(covered));
    }

    @Test
    void givenANotificationReadBeforeAnyRound_thenTheViewDoesNotCoverItUntilARoundBegunAfterItCompletes() {
        KeyLane lane = read("u1");
        Item head = lane.items.peek();
        assertThat(views.covers(head)).isFalse();

        views.await(lane);
        assertThat(lane.state).isEqualTo(KeyLane.State.WAITING_FOR_CONFIG);
        assertThat(advanced).isEmpty();

        roundsComplete();
        assertThat(views.covers(head)).isTrue();
        assertThat(lane.state).isEqualTo(KeyLane.State.IDLE);
        assertThat(advanced).containsExactly(lane);
    }

    @Test
    void givenARoundBegunBeforeALaterRead_whenItCompletes_thenThatLaterOneIsNotCovered() {
        KeyLane early = read("u1");
        views.await(early);
        long coveredByTheRound = reads;
        KeyLane late = read("u2");

        rounds.remove(0).accept(coveredByTheRound);

        assertThat(views.covers(early.items.peek())).isTrue();
        assertThat(views.covers(late.items.peek())).isFalse();
    }

    @Test
    void givenLanesWaiting_whenOnesPartitionWasRevokedAndAnotherLeftTheWaitMeanwhile_thenOnlyTheThirdGoesOn() {
        KeyLane revoked = read("u1");
        KeyLane leftTheWait = items.add(items.retry, "acme", "u2", 2, 0);
        KeyLane waiting = items.add(items.retry, "acme", "u3", 3, 0);
        for (KeyLane lane : List.of(revoked, leftTheWait, waiting)) views.await(lane);
        items.main.revoke();
        leftTheWait.state = KeyLane.State.IDLE; // set aside, say

        roundsComplete();

        assertThat(advanced).containsExactly(waiting);
        assertThat(revoked.state).isEqualTo(KeyLane.State.WAITING_FOR_CONFIG);
    }
}
