package io.statusnotify.sink;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sink's meters as Prometheus scrapes them, after a real run: names, tags and values. */
@ExtendWith(SharedKafka.class)
class SinkMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RecordingReceiver healthy = RecordingReceiver.start();
    private final RecordingReceiver failing = RecordingReceiver.start();
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private SinkHarness sink;
    private SinkApp app;

    @BeforeEach
    void setUp(TestKafka kafka) {
        failing.respondWith(r -> Reply.status(500));
        sink = new SinkHarness(kafka).with("SNS_RETRY_MAX_ATTEMPTS", "1");
        sink.createTopics();
        sink.config("acme", healthy.url("/hook"));
        sink.config("broken", failing.url("/hook"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) app.close();
        sink.close();
        healthy.close();
        failing.close();
    }

    @Test
    void aDeliveryMovesItsTenantsCounterAndA500MovesOnlyTheFailingTenantsFailureCounter() {
        start();

        for (int n = 1; n <= 3; n++) sink.notify("acme", n);
        sink.notify("broken", 1);

        await().atMost(WAIT).until(() -> scrape().contains("sns_sink_dead_lettered_total{reason=\"retries-exhausted\",tenant=\"broken\"} 1.0"));
        await().atMost(WAIT).until(() -> scrape().contains("sns_sink_delivered_total{tenant=\"acme\"} 3.0"));
        String metrics = scrape();
        assertThat(metrics).contains("sns_sink_failures_total{cause=\"5xx\",tenant=\"broken\"} 1.0")
                .doesNotContain("sns_sink_failures_total{cause=\"5xx\",tenant=\"acme\"}")
                .doesNotContain("sns_sink_delivered_total{tenant=\"broken\"}")
                .contains("sns_sink_http_latency_seconds{quantile=\"0.99\"}")
                .contains("sns_sink_end_to_end_latency_seconds{quantile=\"0.99\"}")
                .contains("sns_sink_in_flight ");
        // The per-tenant gauges follow the engine's status, taken every second.
        await().atMost(WAIT).until(() -> scrape().contains("sns_sink_tenant_in_flight{tenant=\"acme\"} 0.0"));
        assertThat(scrape()).contains("sns_sink_circuit_state{state=\"live\",tenant=\"acme\"} 1.0")
                .contains("sns_sink_tenant_waiting{tenant=\"acme\"} 0.0");
    }

    @Test
    void tenantsPastTheTagCapAreCountedTogetherAsOther() {
        sink.with("SNS_METRICS_MAX_TENANTS", "1");
        start();

        sink.notify("acme", 1);
        sink.config("zeta", healthy.url("/zeta"));
        await().atMost(WAIT).until(() -> healthy.requestsTo("/hook").size() == 1);
        sink.notify("zeta", 1);

        await().atMost(WAIT).until(() -> scrape().contains("sns_sink_delivered_total{tenant=\"_other\"} 1.0"));
        assertThat(scrape()).contains("sns_sink_delivered_total{tenant=\"acme\"} 1.0")
                .doesNotContain("tenant=\"zeta\"");
    }

    private void start() {
        app = SinkApp.start(sink.settings(), prometheus);
        await().atMost(WAIT).until(app::isReady);
    }

    private String scrape() {
        return prometheus.scrape();
    }
}
