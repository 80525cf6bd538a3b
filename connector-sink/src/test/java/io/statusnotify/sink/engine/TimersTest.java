package io.statusnotify.sink.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimersTest {
    private static final long NOW = 1_764_072_000_000L;

    private final Timers timers = new Timers();
    private final List<String> ran = new ArrayList<>();

    private void at(long epochMillis, String name) {
        timers.at(epochMillis, () -> ran.add(name));
    }

    @Test
    void dueTimersRunInTimeOrderThenInTheOrderTheyWereSet() {
        at(NOW + 30, "c");
        at(NOW + 10, "a1");
        at(NOW + 20, "b");
        at(NOW + 10, "a2");
        at(NOW + 10, "a3");

        timers.runDue(NOW + 30);

        assertThat(ran).containsExactly("a1", "a2", "a3", "b", "c");
    }

    @Test
    void onlyTimersDueByNowRun() {
        at(NOW - 5, "overdue");
        at(NOW, "due");
        at(NOW + 1, "later");

        timers.runDue(NOW);
        assertThat(ran).containsExactly("overdue", "due");

        timers.runDue(NOW);
        assertThat(ran).as("a timer runs once").containsExactly("overdue", "due");

        timers.runDue(NOW + 1);
        assertThat(ran).containsExactly("overdue", "due", "later");
    }

    @Test
    void aTimerSetByARunningTimerForNowRunsInTheSamePass() {
        timers.at(NOW, () -> {
            ran.add("first");
            at(NOW, "follow-up");
            at(NOW + 1, "next-pass");
        });

        timers.runDue(NOW);

        assertThat(ran).containsExactly("first", "follow-up");
    }

    @Test
    void withNoTimersTheWaitIsTheCeiling() {
        assertThat(timers.millisUntilNext(NOW, 500)).isEqualTo(500);
    }

    @Test
    void theWaitIsTheTimeUntilTheEarliestTimer() {
        at(NOW + 300, "later");
        at(NOW + 120, "sooner");

        assertThat(timers.millisUntilNext(NOW, 500)).isEqualTo(120);
    }

    @Test
    void theWaitIsNeverLongerThanTheCeiling() {
        at(NOW + 10_000, "far");

        assertThat(timers.millisUntilNext(NOW, 500)).isEqualTo(500);
    }

    @Test
    void theWaitIsZeroWhenATimerIsDueOrOverdue() {
        at(NOW - 1_000, "overdue");

        assertThat(timers.millisUntilNext(NOW, 500)).isZero();
        assertThat(timers.millisUntilNext(NOW - 1_000, 500)).isZero();
    }

    @Test
    void runningTheDueTimersMovesTheWaitToTheNextOne() {
        at(NOW, "now");
        at(NOW + 250, "later");

        timers.runDue(NOW);

        assertThat(timers.millisUntilNext(NOW, 500)).isEqualTo(250);
    }
}
