package io.statusnotify.sink.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's one turn of queued work: it ends, however fast new work comes in. */
class EngineTasksTest {

    @Test
    void givenATaskThatQueuesAnother_whenATurnRuns_thenTheNewOneWaitsForTheNextTurn() {
        EngineTasks tasks = new EngineTasks();
        List<String> ran = new ArrayList<>();
        tasks.execute(() -> {
            ran.add("first");
            tasks.execute(() -> ran.add("second"));
        });

        tasks.runAll();
        assertThat(ran).containsExactly("first");
        assertThat(tasks.isEmpty()).isFalse();

        tasks.runAll();
        assertThat(ran).containsExactly("first", "second");
        assertThat(tasks.isEmpty()).isTrue();
    }

    @Test
    void givenCallbacksThatKeepComing_whenATurnRuns_thenItRunsOnlyThoseQueuedBeforeIt() {
        EngineTasks tasks = new EngineTasks();
        List<Integer> ran = new ArrayList<>();
        // Each answer handled sends the next request, whose answer is back at once: the flood of a catch-up.
        for (int i = 0; i < 3; i++) tasks.execute(new Answer(tasks, ran, i));

        tasks.runAll();

        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(tasks.isEmpty()).isFalse();
    }

    private record Answer(EngineTasks tasks, List<Integer> ran, int n) implements Runnable {
        @Override
        public void run() {
            ran.add(n);
            if (n < 30) tasks.execute(new Answer(tasks, ran, n + 3)); // bounded, so a turn that drains fails, not hangs
        }
    }
}
