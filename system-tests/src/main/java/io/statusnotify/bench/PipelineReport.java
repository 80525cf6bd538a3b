package io.statusnotify.bench;

/**
 * Pipeline mode's own part of {@code report.json}; the report's {@code sink} is then the sink-only drain of the same
 * notifications and its {@code baseline} the naive consumer doing the whole job.
 *
 * @param delivery     the pipeline phase as the receivers saw it: end-to-end latency (POST received − eventTimestamp)
 * @param stages       the same latency split at visibility to read_committed
 * @param cpu          CPU per process over the measured part
 * @param streamsHeap  the streams app JVM's heap (from its GC log)
 * @param ratios       pipeline / sink-only and pipeline / baseline (null where one side is missing)
 */
public record PipelineReport(PhaseResult delivery, StageLatency stages, PipelineCpu cpu, HeapStats streamsHeap,
                             Ratios ratios) {

    /**
     * @param toSinkOnlyThroughput  the pipeline's drain rate / the sink's alone (target at least 0.5)
     * @param toBaselineThroughput  the pipeline's throughput / the baseline's
     * @param toBaselineP50         the pipeline's p50 latency / the baseline's (below 1: the pipeline is faster)
     * @param toBaselineP99         the same for p99
     */
    public record Ratios(Double toSinkOnlyThroughput, Double toBaselineThroughput, Double toBaselineP50,
                         Double toBaselineP99) {

        static Ratios of(PhaseResult pipeline, PhaseResult sinkOnly, PhaseResult baseline) {
            return new Ratios(
                    sinkOnly == null ? null : ratio(pipeline.throughputPerSecond(), sinkOnly.throughputPerSecond()),
                    baseline == null ? null : ratio(pipeline.throughputPerSecond(), baseline.throughputPerSecond()),
                    baseline == null ? null : ratio(pipeline.latency().p50(), baseline.latency().p50()),
                    baseline == null ? null : ratio(pipeline.latency().p99(), baseline.latency().p99()));
        }

        private static Double ratio(double a, double b) {
            return b <= 0 ? null : Math.round(a / b * 100) / 100.0;
        }
    }
}
