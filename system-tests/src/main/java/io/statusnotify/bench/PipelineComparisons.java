package io.statusnotify.bench;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * What pipeline mode compares the pipeline with, on the same broker and receivers: the sink alone draining the
 * notifications the streams app just wrote (preload mode), and the naive consumer doing the whole job.
 */
final class PipelineComparisons {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineComparisons.class);
    /** A group of its own: the sink-only drain reads the notifications topic from its start again. */
    static final String SINK_ONLY_GROUP = "bench-sink-only";
    private final PipelineRun run;
    private final BenchSettings settings;

    PipelineComparisons(PipelineRun run) {
        this.run = run;
        this.settings = run.settings();
    }

    /**
     * A fresh sink JVM delivering what the pipeline phase delivered, from the notifications topic alone: its warm-up
     * is the warm-up events' notifications (first on every partition), then the measured ones.
     */
    PhaseResult sinkOnly(long[] measuredFrom) {
        Map<String, String> env = Phases.sinkEnv(settings, run.broker().bootstrapServers());
        env.put("SNS_SINK_GROUP_ID", SINK_ONLY_GROUP);
        Recorder recorder = run.record("sink-only", measuredFrom);
        try (AppJvm sink = AppJvm.start("sink-only", AppJvm.SINK_MAIN, settings.sinkHeap(), settings.sinkJvmOptions(),
                env, settings.outDir())) {
            LOG.info("Sink-only: a fresh sink (group {}) delivers the same notifications again", SINK_ONLY_GROUP);
            CpuUse before;
            if (settings.warmupCount() > 0) {
                run.waits().awaitFirstArrival("sink-only", recorder, sink::deathNotice);
                before = run.cpu(sink.cpuSeconds());
            } else {
                before = run.cpu(0);
            }
            run.waits().awaitDelivered("sink-only", recorder, settings.count(), sink::deathNotice);
            CpuUse used = run.cpu(sink.cpuSeconds()).minus(before);
            HeapStats heap = sink.heap();
            run.stop("the sink-only sink", sink);
            run.receivers().recordInto(null);
            return recorder.result(settings.count()).with(heap, used);
        }
    }

    /** The naive loop on the input topic: the measured events (preload), or at the rate from the latest offset. */
    PhaseResult baseline(long[] measuredFrom) {
        String input = run.topics().userStatus();
        Map<TopicPartition, Long> from = new HashMap<>();
        if (settings.preload()) {
            for (int p = 0; p < measuredFrom.length; p++) from.put(new TopicPartition(input, p), measuredFrom[p]);
        } else {
            from = TopicOffsets.of(run.admin(), input, OffsetSpec.latest());
        }
        try (Baseline baseline = new Baseline(run.broker().bootstrapServers(), from, new PortalJob(run.configs()))) {
            Recorder recorder;
            long expected;
            CpuUse before;
            if (settings.preload()) {
                recorder = run.record("baseline", measuredFrom);
                before = run.cpu(0);
                baseline.start();
                expected = settings.count();
            } else {
                baseline.start();
                run.warmUp("baseline", () -> null);
                recorder = run.record("baseline", run.inputEndOffsets());
                before = run.cpu(0);
                expected = run.produceAtRate("baseline");
            }
            run.waits().awaitDelivered("baseline", recorder, expected, () -> null);
            CpuUse used = run.cpu(0).minus(before);
            run.receivers().recordInto(null);
            return recorder.result(expected).with(null, used);
        }
    }
}
