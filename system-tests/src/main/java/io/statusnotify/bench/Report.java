package io.statusnotify.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Everything a run found, as written to {@code report.json}.
 *
 * @param sourceRevision           the commit the sink was built from (see {@link SourceRevision})
 * @param baseline                 null when the run had {@code --no-baseline}
 * @param sinkToBaselineThroughput the sink's throughput divided by the baseline's (null without a baseline)
 * @param notes                    what went wrong, if anything (a child JVM that died, deliveries missing)
 * @param pipeline                 pipeline mode only (absent in sink mode): the pipeline phase; {@code sink} is then
 *                                 the sink-only drain (null in rate mode or with --no-sink-only) and {@code baseline}
 *                                 the naive consumer doing the whole job
 */
public record Report(
        String startedAt,
        Map<String, Object> settings,
        String sourceRevision,
        Machine machine,
        PhaseResult sink,
        PhaseResult baseline,
        Double sinkToBaselineThroughput,
        List<String> notes,
        @JsonInclude(JsonInclude.Include.NON_NULL) PipelineReport pipeline) {

    static Double ratio(PhaseResult sink, PhaseResult baseline) {
        if (baseline == null || baseline.throughputPerSecond() <= 0) return null;
        return Math.round(sink.throughputPerSecond() / baseline.throughputPerSecond() * 100) / 100.0;
    }
}
