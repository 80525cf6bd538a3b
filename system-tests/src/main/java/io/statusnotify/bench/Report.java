package io.statusnotify.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything a run found, as written to {@code report.json}.
 *
 * @param sourceRevision           the commit the sink was built from (see {@link SourceRevision})
 * @param baseline                 null when the run had {@code --no-baseline}
 * @param sinkToBaselineThroughput the sink's throughput divided by the baseline's (null without a baseline)
 * @param notes                    what went wrong, if anything (a child JVM that died, deliveries missing)
 */
public record Report(
        String startedAt,
        Map<String, Object> settings,
        String sourceRevision,
        Machine machine,
        PhaseResult sink,
        PhaseResult baseline,
        Double sinkToBaselineThroughput,
        List<String> notes) {

    static Double ratio(PhaseResult sink, PhaseResult baseline) {
        if (baseline == null || baseline.throughputPerSecond() <= 0) return null;
        return Math.round(sink.throughputPerSecond() / baseline.throughputPerSecond() * 100) / 100.0;
    }
}
