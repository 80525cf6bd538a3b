package io.statusnotify.bench;

import java.util.Locale;
import java.util.function.Function;

/** The few lines a person reads after a run. */
final class Summary {
    private Summary() {
    }

    static String headline(Report report) {
        var s = report.settings();
        String records = "pipeline".equals(s.get("measured")) ? "events" : "records";
        String load = "preload".equals(s.get("mode")) ? "preload " + s.get("count") + " " + records
                + (s.get("warmupCount") instanceof Number n && n.longValue() > 0 ? " after " + n + " warm-up " + records : "")
                : String.format(Locale.ROOT, "%.0f/s for %.0f s", (Double) s.get("rate"), (Double) s.get("durationSeconds"));
        return String.format(Locale.ROOT, "statusnotify %s: %s, %s tenants x %s users, %s configured tenants, %d cpus",
                s.getOrDefault("measured", "sink"), load, s.get("tenants"), s.get("users"), s.get("configuredTenants"),
                report.machine().cpus());
    }

    static String text(Report report, String dir) {
        if (report.pipeline() != null) return PipelineSummary.text(report, dir);
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append('\n');
        out.append("sink built from ").append(report.sourceRevision()).append("; load average at start ")
                .append(report.machine().loadAverageAtStart()).append('\n');
        out.append(String.format(Locale.ROOT, "%-28s %14s", "", "sink"))
                .append(report.baseline() == null ? "" : String.format(Locale.ROOT, " %14s", "baseline")).append('\n');
        row(out, report, "delivered / expected", p -> p.delivered() + "/" + p.expected());
        row(out, report, "throughput (deliveries/s)", p -> String.format(Locale.ROOT, "%,.0f", p.throughputPerSecond()));
        row(out, report, "busiest second (deliveries)", p -> String.format(Locale.ROOT, "%,d", p.peakPerSecond()));
        row(out, report, "latency p50/p95/p99 ms", p -> p.latency().p50() + "/" + p.latency().p95() + "/" + p.latency().p99());
        row(out, report, "latency max ms", p -> String.valueOf(p.latency().max()));
        // The baseline runs inside the harness, with the receivers: its CPU cannot be told apart.
        row(out, report, "sink JVM CPU ms/delivery", p -> p.heap() == null || p.cpu() == null ? "-"
                : String.valueOf(CpuUse.perDeliveryMs(p.cpu().sinkSeconds(), p.delivered())));
        row(out, report, "broker CPU ms/delivery", p -> p.cpu() == null ? "-"
                : String.valueOf(CpuUse.perDeliveryMs(p.cpu().brokerSeconds(), p.delivered())));
        // The receivers (and the baseline's own client): the harness JVM.
        row(out, report, "harness CPU ms/delivery", p -> p.cpu() == null ? "-"
                : String.valueOf(CpuUse.perDeliveryMs(p.cpu().harnessSeconds(), p.delivered())));
        row(out, report, "order violations", p -> String.valueOf(p.orderViolations()));
        row(out, report, "duplicates", p -> String.valueOf(p.duplicates()));
        HeapStats heap = report.sink().heap();
        if (heap != null) {
            out.append(String.format(Locale.ROOT, "sink heap: max used %d MB, max after GC %d MB, live set %s, limit %s;"
                            + " %d GCs, longest pause %.1f ms%n", heap.maxUsedMb(), heap.maxAfterGcMb(),
                    heap.liveAfterFullGcMb() < 0 ? "unknown" : heap.liveAfterFullGcMb() + " MB",
                    report.settings().get("sinkHeap"), heap.collections(), heap.maxPauseMs()));
        }
        if (report.sinkToBaselineThroughput() != null) {
            out.append(String.format(Locale.ROOT, "sink/baseline throughput: %.2fx%n", report.sinkToBaselineThroughput()));
        }
        return notesAndFiles(out, report, dir).toString();
    }

    static StringBuilder notesAndFiles(StringBuilder out, Report report, String dir) {
        report.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        out.append("report: ").append(dir).append("/").append(ReportFiles.JSON).append(", ")
                .append(dir).append("/").append(ReportFiles.SVG);
        if (report.pipeline() != null) out.append(", ").append(dir).append("/").append(ReportFiles.STAGES_SVG);
        return out.append('\n');
    }

    private static void row(StringBuilder out, Report report, String label, Function<PhaseResult, String> value) {
        out.append(String.format(Locale.ROOT, "%-28s %14s", label, value.apply(report.sink())))
                .append(report.baseline() == null ? "" : String.format(Locale.ROOT, " %14s", value.apply(report.baseline())))
                .append('\n');
    }
}
