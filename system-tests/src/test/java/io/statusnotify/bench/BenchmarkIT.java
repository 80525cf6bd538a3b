package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny real run: child broker, child sink, receivers, baseline, report files. */
class BenchmarkIT {

    @Test
    void aPreloadRunReportsEveryRecordDeliveredInOrderBySinkAndBaseline() {
        // given 2000 preloaded records after 500 warm-up ones, for 3 tenants of 20 users, and 5 idle tenants configured
        Path out = Path.of("target", "bench-it", "preload-" + System.currentTimeMillis()).toAbsolutePath();
        BenchSettings settings = new BenchSettings(3, 20, 0, 2000, 500, Duration.ofSeconds(30), Duration.ZERO, 5, 0, "256m", List.of(),
                "512m", true, Duration.ofSeconds(60), out, Map.of());

        // when
        Report report = new Benchmark(settings).run();
        ReportFiles.write(report, out);

        // then the sink delivered everything once and in per-user order, the warm-up records not counted
        assertThat(report.notes()).isEmpty();
        assertThat(report.sink().expected()).isEqualTo(2000);
        assertThat(report.sink().delivered()).isEqualTo(2000);
        assertThat(report.sink().requests()).as("warm-up deliveries are not counted").isEqualTo(2000);
        assertThat(report.sink().orderViolations()).isZero();
        assertThat(report.sink().duplicates()).isZero();
        assertThat(report.sink().unreadable()).isZero();
        assertThat(report.sink().perSecond().stream().mapToInt(PhaseResult.SecondStats::deliveries).sum())
                .isEqualTo(2000);
        assertThat(report.sink().latency().count()).isEqualTo(2000);
        assertThat(report.sink().throughputPerSecond()).isPositive();
        // the sink's heap was measured, its live set too
        assertThat(report.sink().heap().maxUsedMb()).isPositive();
        assertThat(report.sink().heap().liveAfterFullGcMb()).isPositive();
        assertThat(report.sink().cpu().sinkSeconds()).isPositive();
        // and so did the baseline, over the same measured records only
        assertThat(report.baseline().delivered()).isEqualTo(2000);
        assertThat(report.baseline().requests()).as("the baseline skips the warm-up records").isEqualTo(2000);
        assertThat(report.baseline().orderViolations()).isZero();
        assertThat(report.sinkToBaselineThroughput()).isPositive();
        // the summary shows where the CPU went, per phase
        assertThat(Summary.text(report, out.toString())).contains("sink JVM CPU ms/delivery", "broker CPU ms/delivery",
                "harness CPU ms/delivery", "preload 2000 records after 500 warm-up records");
        // the files are there and say the same
        assertThat(out.resolve(ReportFiles.SVG)).isRegularFile();
        Report written = ReportFiles.read(out);
        assertThat(written.sink().delivered()).isEqualTo(2000);
        assertThat(written.settings()).containsEntry("mode", "preload").containsEntry("configuredTenants", 5)
                .containsEntry("warmupCount", 500);
        assertThat(Files.exists(out.resolve("kafka"))).as("the broker's data is removed").isFalse();
    }

    @Test
    void givenPreloadedPortalEvents_whenThePipelineRuns_thenEveryEventIsDeliveredOnceInOrderByEveryPhase() {
        // given 2000 portal events after 500 warm-up ones, for 3 tenants of 20 users, in pipeline mode
        Path out = Path.of("target", "bench-it", "pipeline-" + System.currentTimeMillis()).toAbsolutePath();
        BenchSettings settings = new BenchSettings(3, 20, 0, 2000, 500, Duration.ofSeconds(30), Duration.ZERO, 0, 0,
                "256m", List.of(), "512m", true, Duration.ofSeconds(90), out, Map.of()).inPipelineMode("256m", true);

        // when
        Report report = new Benchmark(settings).run();
        ReportFiles.write(report, out);

        // then the pipeline delivered every measured event once, in per-user order, the warm-up ones not counted
        assertThat(report.notes()).isEmpty();
        PipelineReport pipeline = report.pipeline();
        assertThat(pipeline.delivery().delivered()).isEqualTo(2000);
        assertThat(pipeline.delivery().requests()).as("warm-up deliveries are not counted").isEqualTo(2000);
        assertThat(pipeline.delivery().duplicates()).isZero();
        assertThat(pipeline.delivery().orderViolations()).isZero();
        assertThat(pipeline.delivery().unreadable()).isZero();
        // and the probe saw each become visible, so both stages cover every delivery
        assertThat(pipeline.stages().notSeenByProbe()).isZero();
        assertThat(pipeline.stages().eventToVisible().count()).isEqualTo(2000);
        assertThat(pipeline.stages().visibleToReceived().count()).isEqualTo(2000);
        assertThat(pipeline.cpu().streamsSeconds()).isPositive();
        assertThat(pipeline.streamsHeap().maxUsedMb()).isPositive();
        // the sink alone and the baseline delivered the same events
        for (PhaseResult phase : List.of(report.sink(), report.baseline())) {
            assertThat(phase.delivered()).as(phase.name()).isEqualTo(2000);
            assertThat(phase.requests()).as(phase.name()).isEqualTo(2000);
            assertThat(phase.duplicates()).as(phase.name()).isZero();
            assertThat(phase.orderViolations()).as(phase.name()).isZero();
        }
        assertThat(report.sink().name()).isEqualTo("sink-only");
        assertThat(pipeline.ratios().toSinkOnlyThroughput()).isNotNull();
        assertThat(pipeline.ratios().toBaselineThroughput()).isNotNull();
        assertThat(Summary.text(report, out.toString())).contains("pipeline/sink-only throughput",
                "event -> visible to read_committed", "pipeline CPU ms/event");
        // the files are there; the streams app's state and the broker's data are removed
        assertThat(out.resolve(ReportFiles.STAGES_SVG)).isRegularFile();
        assertThat(ReportFiles.read(out).pipeline().delivery().delivered()).isEqualTo(2000);
        assertThat(out.resolve("streams.log")).isRegularFile();
        assertThat(Files.exists(out.resolve("streams-state"))).isFalse();
        assertThat(Files.exists(out.resolve("kafka"))).isFalse();
    }
}
