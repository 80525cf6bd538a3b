package io.statusnotify.bench;

import java.util.function.Supplier;

/**
 * Preload mode's CPU figures, taken while the pipeline drains: the streams app runs ahead of the sink, so each is
 * measured over its own part — the streams app from the first to the last measured notification the probe saw
 * become visible, the sink, broker and harness from the first measured arrival to the last (before those, both
 * are busy with the warm-up events, which come first on every partition).
 */
final class Drain {
    private final PipelineRun run;
    private final Recorder recorder;
    private final VisibilityProbe probe;
    private final AppJvm streams;
    private final AppJvm sink;
    private double streamsFrom = -1;
    private double streamsTo = -1;
    private Snapshot deliveriesFrom;

    /** CPU seconds of each process at one moment. */
    record Snapshot(double streams, double sink, double broker, double harness) {
        static Snapshot of(PipelineRun run, AppJvm streams, AppJvm sink) {
            return new Snapshot(streams.cpuSeconds(), sink.cpuSeconds(), run.broker().cpuSeconds(),
                    Phases.harnessCpuSeconds());
        }

        PipelineCpu since(Snapshot before, long events, LoadCpu load) {
            return new PipelineCpu(events, round(streams - before.streams), round(sink - before.sink),
                    round(broker - before.broker), round(harness - before.harness), load);
        }
    }

    Drain(PipelineRun run, Recorder recorder, VisibilityProbe probe, AppJvm streams, AppJvm sink) {
        this.run = run;
        this.recorder = recorder;
        this.probe = probe;
        this.streams = streams;
        this.sink = sink;
    }

    /** Until every measured event was delivered (or the timeout, or an app died); the CPU over the measured part. */
    PipelineCpu watch(Supplier<String> died, LoadCpu load) {
        long expected = run.settings().count();
        if (run.settings().warmupCount() == 0) {
            // Nothing to wait for: measured from the start, JVM start-up included.
            streamsFrom = streams.cpuSeconds();
            deliveriesFrom = Snapshot.of(run, streams, sink);
        }
        run.waits().awaitDelivered("pipeline", recorder, expected, died, () -> tick(expected));
        tick(expected);
        Snapshot end = Snapshot.of(run, streams, sink);
        if (streamsTo < 0) streamsTo = end.streams();
        if (streamsFrom < 0) streamsFrom = streamsTo;
        Snapshot from = deliveriesFrom != null ? deliveriesFrom : end;
        PipelineCpu cpu = end.since(from, recorder.delivered(), load);
        return new PipelineCpu(cpu.events(), round(streamsTo - streamsFrom), cpu.sinkSeconds(), cpu.brokerSeconds(),
                cpu.harnessSeconds(), load);
    }

    private void tick(long expected) {
        long visible = probe.measuredSeen();
        if (streamsFrom < 0 && visible > 0) streamsFrom = streams.cpuSeconds();
        if (streamsTo < 0 && visible >= expected) streamsTo = streams.cpuSeconds();
        if (deliveriesFrom == null && recorder.delivered() > 0) deliveriesFrom = Snapshot.of(run, streams, sink);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
