package io.statusnotify.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric-name reader the dashboard test relies on: it must find every metric and nothing else. */
class PromQlTest {

    @Test
    void metricsAreFoundButNotFunctionsLabelsOrDurations() {
        String expression = "histogram_quantile(0.99, sum by (le, tenant) (rate(a_seconds_bucket{tenant=~\"$tenant\"}[1m])))"
                + " or max without (instance) (b_seconds{quantile=\"0.99\"}) / on (job) group_left c_total offset 5m";

        assertThat(PromQl.metricNames(expression)).containsExactlyInAnyOrder("a_seconds_bucket", "b_seconds", "c_total");
    }

    @Test
    void comparisonsAndTopkKeepOnlyTheMetric() {
        assertThat(PromQl.metricNames("topk(10, sum by (tenant) (sns_sink_backlog)) > 0"))
                .containsExactly("sns_sink_backlog");
    }

    @Test
    void grafanaLabelValuesQueryNamesItsMetric() {
        assertThat(PromQl.metricNames("label_values(sns_sink_delivered_total, tenant)"))
                .containsExactly("sns_sink_delivered_total");
    }
}
