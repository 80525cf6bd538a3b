package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/grafana/dashboards/statusnotify.json: valid, on the provisioned data source, querying documented metrics. */
class GrafanaDashboardTest {
    private final JsonNode dashboard = DeploymentFiles.json(DeploymentFiles.DASHBOARD);

    @Test
    void everyMetricTheDashboardQueriesIsDocumented() {
        Set<String> undocumented = new TreeSet<>();
        for (String expression : expressions()) {
            for (String metric : PromQl.metricNames(expression)) {
                if (DocumentedMetrics.bySeries(metric).isEmpty()) undocumented.add(metric + " in " + expression);
            }
        }

        assertThat(undocumented).as("queried, not in DocumentedMetrics.ALL").isEmpty();
    }

    @Test
    void dashboardShowsThroughputLatencyFailuresDeadLettersLagAndCircuits() {
        Set<String> queried = new TreeSet<>();
        expressions().forEach(e -> queried.addAll(PromQl.metricNames(e)));

        assertThat(queried).contains(
                "sns_sink_delivered_total", "sns_streams_events_in_total",
                "sns_sink_http_latency_seconds_bucket", "sns_sink_end_to_end_latency_seconds_bucket",
                "sns_sink_failures_total",
                "sns_sink_dead_lettered_total", "sns_streams_events_dead_lettered_total",
                "kafka_consumer_fetch_manager_records_lag_max",
                "sns_sink_circuit_state");
    }

    @Test
    void everyPanelUsesTheProvisionedDataSource() {
        String uid = DeploymentFiles.yaml(DeploymentFiles.DATASOURCES).path("datasources").path(0).path("uid").asText();
        List<JsonNode> queryPanels = panels().stream().filter(p -> !p.path("type").asText().equals("row")).toList();
        assertThat(queryPanels).isNotEmpty();

        for (JsonNode panel : queryPanels) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
            assertThat(panel.path("targets").size()).as("queries of %s", panel.path("title").asText()).isPositive();
        }
    }

    @Test
    void panelIdsAndQueryRefsAreUniqueAndTheDashboardHasAFixedUid() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s", panel.path("id")).isTrue();
            Set<String> refs = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refs.add(target.path("refId").asText())).as("refId in %s", panel.path("title")).isTrue();
            }
        }
        // Links to it (and the provisioned home dashboard) stay valid across restarts.
        assertThat(dashboard.path("uid").asText()).isEqualTo("statusnotify");
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add); // panels inside collapsed rows
        }
        return panels;
    }

    private List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            expressions.add(query.isObject() ? query.path("query").asText() : query.asText());
        }
        assertThat(expressions).doesNotContain("");
        return expressions;
    }
}
