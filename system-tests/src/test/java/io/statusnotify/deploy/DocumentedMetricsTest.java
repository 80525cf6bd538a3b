package io.statusnotify.deploy;

import io.micrometer.core.instrument.Meter;
import io.statusnotify.deploy.DocumentedMetrics.Metric;
import io.statusnotify.deploy.DocumentedMetrics.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented metric names and the meters the apps declare, converted to Prometheus names by Micrometer. */
class DocumentedMetricsTest {

    @Test
    void everyMeterTheSinkDeclaresIsDocumentedUnderItsPrometheusName() {
        assertEveryConstantDocumented(Source.SINK);
    }

    @Test
    void everyMeterTheStreamsAppDeclaresIsDocumentedUnderItsPrometheusName() {
        assertEveryConstantDocumented(Source.STREAMS);
    }

    @Test
    void everyDocumentedAppMetricIsAMeterTheAppDeclares() {
        for (Metric metric : DocumentedMetrics.ALL) {
            if (metric.source() == Source.KAFKA_CLIENT || DocumentedMetrics.ANNOUNCED.contains(metric.name())) continue;
            List<String> constants = PrometheusNames.meterNameConstants(DocumentedMetrics.meterClass(metric.source()));

            assertThat(constants.stream().map(c -> PrometheusNames.family(c, metric.type())))
                    .as("%s: no meter of %s has this Prometheus name (renamed?)", metric.name(), metric.source())
                    .contains(metric.name());
        }
    }

    @Test
    void everyMetricNameTheDocsUseIsADocumentedOne() throws IOException {
        Path docs = DeploymentFiles.REPOSITORY.resolve("docs");
        List<Path> pages = new ArrayList<>(List.of(DeploymentFiles.REPOSITORY.resolve("README.md")));
        try (Stream<Path> files = Files.list(docs)) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        for (Path page : pages) {
            Matcher names = Pattern.compile("\\bsns_[a-z0-9_]+").matcher(Files.readString(page));
            while (names.find()) {
                seen++;
                if (DocumentedMetrics.bySeries(names.group()).isEmpty()) unknown.add(page.getFileName() + ": " + names.group());
            }
        }

        assertThat(seen).as("metric names in the docs").isGreaterThan(10);
        assertThat(unknown).as("metric names in the docs that no app declares").isEmpty();
    }

    @Test
    void meterNamesTurnIntoTheNamesTheAdminContractAnnounces() {
        // Given the contract's examples, when Micrometer names them for Prometheus, then they are the documented ones.
        assertThat(PrometheusNames.family("sns.sink.delivered", Meter.Type.COUNTER))
                .isEqualTo("sns_sink_delivered_total");
        assertThat(PrometheusNames.family("sns.sink.dead-lettered", Meter.Type.COUNTER))
                .isEqualTo("sns_sink_dead_lettered_total");
        assertThat(PrometheusNames.series("sns.sink.http.latency", Meter.Type.TIMER))
                .contains("sns_sink_http_latency_seconds", "sns_sink_http_latency_seconds_bucket");
    }

    private static void assertEveryConstantDocumented(Source source) {
        List<String> constants = PrometheusNames.meterNameConstants(DocumentedMetrics.meterClass(source));
        assertThat(constants).as("meter names found in %s", source).isNotEmpty();

        for (String constant : constants) {
            Optional<Metric> documented = DocumentedMetrics.ALL.stream().filter(m -> m.source() == source)
                    .filter(m -> PrometheusNames.family(constant, m.type()).equals(m.name())).findFirst();

            assertThat(documented).as("meter %s of %s is not in DocumentedMetrics.ALL", constant, source).isPresent();
        }
    }
}
