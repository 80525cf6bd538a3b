package io.statusnotify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Pipeline mode's lines after a run: the pipeline beside the sink alone and the baseline, its stages, CPU, ratios. */
final class PipelineSummary {
    private PipelineSummary() {
    }

    static String text(Report report, String dir) {
        PipelineReport pipeline = report.pipeline();
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(pipeline.delivery());
        if (report.sink() != null) phases.add(report.sink());
        if (report.baseline() != null) phases.add(report.baseline());
        StringBuilder out = new StringBuilder();
        out.append(Summary.headline(report)).append('\n');
        out.append("built from ").append(report.sourceRevision()).append("; load average at start ")
                .append(report.machine().loadAverageAtStart()).append('\n');
        row(out, "", phases, PhaseResult::name);
        row(out, "delivered / expected", phases, p -> p.delivered() + "/" + p.expected());
        row(out, "throughput (deliveries/s)", phases, p -> String.format(Locale.ROOT, "%,.0f", p.throughputPerSecond()));
        row(out, "busiest second (deliveries)", phases, p -> String.format(Locale.ROOT, "%,d", p.peakPerSecond()));
        row(out, "latency p50/p95/p99 ms", phases, p -> p.latency().p50() + "/" + p.latency().p95() + "/" + p.latency().p99());
        row(out, "latency max ms", phases, p -> String.valueOf(p.latency().max()));
        row(out, "order violations", phases, p -> String.valueOf(p.orderViolations()));
        row(out, "duplicates", phases, p -> String.valueOf(p.duplicates()));
        StageLatency stages = pipeline.stages();
        out.append("latency = POST received - eventTimestamp; the pipeline's by stage (ms p50/p95/p99/max):\n")
                .append("  event -> visible to read_committed  ").append(figures(stages.eventToVisible())).append('\n')
                .append("  visible -> POST received           ").append(figures(stages.visibleToReceived()))
                .append(stages.notSeenByProbe() > 0 ? "; not seen by the probe: " + stages.notSeenByProbe() : "")
                .append('\n');
        PipelineCpu cpu = pipeline.cpu();
        out.append(String.format(Locale.ROOT, "pipeline CPU ms/event: streams app %s, sink %s, broker %s, harness %s"
                        + " (of which the load generator %s: producing %.2f s, producer I/O %.2f s)%n",
                cpu.streamsMsPerEvent(), cpu.sinkMsPerEvent(), cpu.brokerMsPerEvent(), cpu.harnessMsPerEvent(),
                cpu.loadMsPerEvent(), cpu.load().producingSeconds(), cpu.load().ioSeconds()));
        if (report.sink() != null && report.sink().cpu() != null) {
            out.append("sink-only CPU ms/delivery: sink ")
                    .append(CpuUse.perDeliveryMs(report.sink().cpu().sinkSeconds(), report.sink().delivered())).append('\n');
        }
        heap(out, "streams app heap", pipeline.streamsHeap(), report.settings().get("streamsHeap"));
        heap(out, "sink heap", pipeline.delivery().heap(), report.settings().get("sinkHeap"));
        PipelineReport.Ratios ratios = pipeline.ratios();
        if (ratios.toSinkOnlyThroughput() != null) {
            out.append(String.format(Locale.ROOT, "pipeline/sink-only throughput: %.2fx (target >= 0.5)%n",
                    ratios.toSinkOnlyThroughput()));
        }
        if (ratios.toBaselineThroughput() != null) {
            out.append(String.format(Locale.ROOT, "pipeline/baseline: throughput %.2fx, latency p50 %s, p99 %s%n",
                    ratios.toBaselineThroughput(), times(ratios.toBaselineP50()), times(ratios.toBaselineP99())));
        }
        return Summary.notesAndFiles(out, report, dir).toString();
    }

    private static String figures(LatencySummary s) {
        return s.p50() + "/" + s.p95() + "/" + s.p99() + "/" + s.max() + " (" + s.count() + ")";
    }

    private static String times(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static void heap(StringBuilder out, String what, HeapStats heap, Object limit) {
        if (heap == null) return;
        out.append(String.format(Locale.ROOT, "%s: max used %d MB, max after GC %d MB, live set %s, limit %s%n", what,
                heap.maxUsedMb(), heap.maxAfterGcMb(),
                heap.liveAfterFullGcMb() < 0 ? "unknown" : heap.liveAfterFullGcMb() + " MB", limit));
    }

    private static void row(StringBuilder out, String label, List<PhaseResult> phases, Function<PhaseResult, String> value) {
        out.append(String.format(Locale.ROOT, "%-28s", label));
        phases.forEach(p -> out.append(String.format(Locale.ROOT, " %14s", value.apply(p))));
        out.append('\n');
    }
}
