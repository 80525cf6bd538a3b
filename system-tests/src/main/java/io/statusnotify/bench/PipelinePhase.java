package io.statusnotify.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pipeline phase: portal events through the streams app and the sink, each in its own JVM as deployed, with
 * the visibility probe watching the notifications topic in between. Preload mode writes the warm-up and measured
 * events first, then starts both apps; rate mode starts them, waits until one event went all the way through,
 * warms up at the rate, then measures.
 */
final class PipelinePhase {
    private static final Logger LOG = LoggerFactory.getLogger(PipelinePhase.class);
    private final PipelineRun run;
    private final BenchSettings settings;
    /** Where the measured events start on the input topic, per partition. */
    private long[] measuredFrom;

    PipelinePhase(PipelineRun run) {
        this.run = run;
        this.settings = run.settings();
    }

    long[] measuredFrom() {
        return measuredFrom;
    }

    PipelineReport run() {
        LoadCpu loadUsed = settings.preload() ? preload() : null;
        String notifications = run.topics().notifications();
        try (VisibilityProbe probe = new VisibilityProbe(run.broker().bootstrapServers(), notifications,
                TopicOffsets.partitions(run.admin(), notifications),
                TopicOffsets.partitions(run.admin(), run.topics().userStatus()), run.epochMs());
             AppJvm streams = AppJvm.start("streams", AppJvm.STREAMS_MAIN, settings.streamsHeap(), List.of(),
                     streamsEnv(), settings.outDir());
             AppJvm sink = AppJvm.sink(settings.sinkHeap(), settings.sinkJvmOptions(),
                     Phases.sinkEnv(settings, run.broker().bootstrapServers()), settings.outDir())) {
            probe.start();
            Supplier<String> died = () -> streams.deathNotice() != null ? streams.deathNotice() : sink.deathNotice();
            InputOffsets arrivals;
            Recorder recorder;
            PipelineCpu cpu;
            long expected;
            if (settings.preload()) {
                LOG.info("Streams app and sink started; the {} warm-up events go first", settings.warmupCount());
                probe.measureFrom(measuredFrom);
                arrivals = new InputOffsets(measuredFrom, run.epochMs());
                recorder = run.record("pipeline", arrivals);
                expected = settings.count();
                cpu = new Drain(run, recorder, probe, streams, sink).watch(died, loadUsed);
            } else {
                awaitFlowing(died);
                run.warmUp("pipeline", died);
                measuredFrom = run.inputEndOffsets();
                probe.measureFrom(measuredFrom);
                arrivals = new InputOffsets(measuredFrom, run.epochMs());
                recorder = run.record("pipeline", arrivals);
                Drain.Snapshot before = Drain.Snapshot.of(run, streams, sink);
                LoadCpu loadBefore = run.load().cpu();
                expected = run.produceAtRate("pipeline");
                LoadCpu loadAtRate = run.load().cpu().minus(loadBefore);
                run.waits().awaitDelivered("pipeline", recorder, expected, died);
                cpu = Drain.Snapshot.of(run, streams, sink).since(before, recorder.delivered(), loadAtRate);
            }
            awaitProbe(probe);
            run.receivers().recordInto(null);
            HeapStats sinkHeap = sink.heap();
            HeapStats streamsHeap = streams.heap();
            run.stop("the sink", sink);
            run.stop("the streams app", streams);
            PhaseResult delivery = recorder.result(expected).with(sinkHeap,
                    new CpuUse(cpu.sinkSeconds(), cpu.brokerSeconds(), cpu.harnessSeconds()));
            StageLatency stages;
            // The arrival table belongs to the recorder's lock (a late POST may still come in).
            synchronized (recorder) {
                stages = Stages.of(arrivals, probe, recorder.startMs());
            }
            return new PipelineReport(delivery, stages, cpu, streamsHeap, null);
        }
    }

    /** The warm-up events, then the measured ones; returns the load generator's CPU for the measured ones. */
    private LoadCpu preload() {
        String input = run.topics().userStatus();
        if (settings.warmupCount() > 0) {
            LOG.info("Preloading {} warm-up events to {}", settings.warmupCount(), input);
            run.load().preload(input, settings.warmupCount());
        }
        measuredFrom = run.inputEndOffsets();
        LOG.info("Preloading {} events to {}", settings.count(), input);
        LoadCpu before = run.load().cpu();
        run.load().preload(input, settings.count());
        return run.load().cpu().minus(before);
    }

    /** Rate mode: one event all the way to a receiver, so both apps are up, assigned and consuming. */
    private void awaitFlowing(Supplier<String> died) {
        Recorder first = run.record("pipeline start-up", run.inputEndOffsets());
        run.load().preload(run.topics().userStatus(), 1);
        LOG.info("Waiting for a first event to go through the streams app and the sink");
        run.waits().awaitDelivered("pipeline start-up", first, 1, died);
        if (first.delivered() < 1) {
            throw new IllegalStateException("the pipeline did not deliver a first event: " + run.notes());
        }
    }

    /** The probe polls on the same busy cores: give it a moment to see what the sink already delivered. */
    private void awaitProbe(VisibilityProbe probe) {
        long produced = run.load().nextSequence() - 1;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (probe.seen() < produced && System.nanoTime() < deadline) Pause.millis(20);
        if (probe.seen() < produced) {
            run.notes().add("the visibility probe saw " + probe.seen() + " of " + produced + " notifications");
        }
    }

    private Map<String, String> streamsEnv() {
        Map<String, String> env = new HashMap<>(settings.sinkEnv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", run.broker().bootstrapServers());
        env.putIfAbsent("SNS_ADMIN_PORT", "0");
        env.put("SNS_STATE_DIR", settings.outDir().resolve("streams-state").toString());
        return env;
    }
}
