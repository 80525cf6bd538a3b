package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.List;

/** Latencies bucketed by arrival second since a phase's start, and the per-second figures of the report. */
final class PerSecond {
    private PerSecond() {
    }

    static List<PhaseResult.SecondStats> series(List<Ints> bySecond) {
        List<PhaseResult.SecondStats> seconds = new ArrayList<>();
        for (int s = 0; s < bySecond.size(); s++) {
            LatencySummary summary = bySecond.get(s).summary();
            seconds.add(new PhaseResult.SecondStats(s, summary.count(), summary.p50(), summary.p95(), summary.p99(),
                    summary.max()));
        }
        return seconds;
    }

    static Ints bucket(List<Ints> bySecond, int index) {
        while (bySecond.size() <= index) bySecond.add(new Ints());
        return bySecond.get(index);
    }
}
