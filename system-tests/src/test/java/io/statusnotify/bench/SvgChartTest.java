package io.statusnotify.bench;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {

    @Test
    void theChartIsWellFormedSvgWithALinePerPhaseAndSeries() throws Exception {
        // given a sink phase of 3 seconds (one without deliveries) and a baseline of 2
        PhaseResult sink = phase("sink", List.of(
                new PhaseResult.SecondStats(0, 0, 0, 0, 0, 0),
                new PhaseResult.SecondStats(1, 30_000, 3, 9, 20, 40),
                new PhaseResult.SecondStats(2, 12_000, 2, 8, 15, 18)));
        PhaseResult baseline = phase("baseline", List.of(
                new PhaseResult.SecondStats(0, 1_500, 400, 900, 1200, 1300),
                new PhaseResult.SecondStats(1, 1_600, 1500, 1900, 2100, 2200)));

        // when
        String svg = SvgChart.render("sink & baseline <preload>", List.of(sink, baseline));

        // then it parses as XML, with the title escaped
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getTextContent()).contains("sink & baseline <preload>");
        Map<String, Integer> pointsById = new HashMap<>();
        NodeList lines = doc.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            pointsById.put(line.getAttribute("id"), line.getAttribute("points").split(" ").length);
        }
        assertThat(pointsById).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sink-throughput", 3, "sink-p50", 2, "sink-p95", 2, "sink-p99", 2,
                "baseline-throughput", 2, "baseline-p50", 2, "baseline-p95", 2, "baseline-p99", 2));
    }

    @Test
    void pointsStayInsideTheirPanel() throws Exception {
        PhaseResult sink = phase("sink", List.of(
                new PhaseResult.SecondStats(0, 5, 1, 1, 1, 1),
                new PhaseResult.SecondStats(1, 50_000, 99_999, 99_999, 99_999, 99_999)));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(SvgChart.render("t", List.of(sink)))));

        NodeList lines = doc.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            for (String point : ((Element) lines.item(i)).getAttribute("points").split(" ")) {
                double x = Double.parseDouble(point.split(",")[0]);
                double y = Double.parseDouble(point.split(",")[1]);
                assertThat(x).isBetween(80.0, 970.0);
                assertThat(y).isBetween(80.0, 720.0);
            }
        }
    }

    @Test
    void axisMaximaAreRound() {
        assertThat(SvgChart.niceCeiling(0.3)).isEqualTo(1);
        assertThat(SvgChart.niceCeiling(31_250)).isEqualTo(50_000);
        assertThat(SvgChart.niceCeiling(1_500)).isEqualTo(2_000);
        assertThat(SvgChart.niceCeiling(100)).isEqualTo(100);
    }

    private static PhaseResult phase(String name, List<PhaseResult.SecondStats> seconds) {
        return new PhaseResult(name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, LatencySummary.EMPTY, seconds, null, null);
    }
}
