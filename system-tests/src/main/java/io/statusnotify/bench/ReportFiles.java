package io.statusnotify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code report.json} and {@code report.svg} into the run's output directory. */
final class ReportFiles {
    static final String JSON = "report.json";
    static final String SVG = "report.svg";
    static final String STAGES_SVG = "report-stages.svg";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    static void write(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            MAPPER.writeValue(dir.resolve(JSON).toFile(), report);
            List<PhaseResult> phases = new ArrayList<>();
            PipelineReport pipeline = report.pipeline();
            if (pipeline != null) phases.add(pipeline.delivery());
            if (report.sink() != null) phases.add(report.sink());
            if (report.baseline() != null) phases.add(report.baseline());
            Files.writeString(dir.resolve(SVG), SvgChart.render(Summary.headline(report), phases));
            if (pipeline != null) {
                // The pipeline's latency split at visibility to read_committed, by arrival second.
                Files.writeString(dir.resolve(STAGES_SVG), SvgChart.renderSeries("pipeline latency by stage", List.of(
                        new SvgChart.Series("end-to-end", pipeline.delivery().perSecond()),
                        new SvgChart.Series("event-to-visible", pipeline.stages().eventToVisiblePerSecond()),
                        new SvgChart.Series("visible-to-received", pipeline.stages().visibleToReceivedPerSecond()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    static Report read(Path dir) {
        try {
            return MAPPER.readValue(dir.resolve(JSON).toFile(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(JSON), e);
        }
    }
}
