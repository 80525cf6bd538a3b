package io.statusnotify.sink;

import io.statusnotify.sink.engine.Housekeeping;
import io.statusnotify.sink.status.TenantHistory;
import io.statusnotify.sink.status.TenantHistory.Minute;
import io.statusnotify.sink.status.TenantStatus;

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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sink's meters as Prometheus scrapes them, after a real run: names, tags and values. */
@ExtendWith(SharedKafka.class)
class SinkMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Housekeeping QUICK_SWEEPS = new Housekeeping(Duration.ofMillis(200), Duration.ofSeconds(1));
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
        // The console's chart: the same answers in the minute they came (the last one, or the one before when the
        // minute turned meanwhile), published with the status rows.
        await().atMost(WAIT).until(() -> sum(app.tenantHistory("acme").orElseThrow(), Minute::deliveries) == 3);
        List<Minute> acme = app.tenantHistory("acme").orElseThrow().minutes();
        assertThat(acme.subList(0, TenantHistory.MINUTES - 2)).containsOnly(Minute.NOTHING);
        assertThat(acme).filteredOn(m -> m.deliveries() > 0).isNotEmpty().allMatch(m -> m.p99Millis() != null);
        assertThat(sum(app.tenantHistory("broken").orElseThrow(), Minute::failures)).isEqualTo(1);
        assertThat(app.tenantHistory("nobody")).isEmpty();
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

    @Test
    void aDeletedTenantsSeriesAndStatusGoOnceItHasBeenIdleForTheGraceWhileTheOthersStay() {
        CountDownLatch answer = new CountDownLatch(1);
        healthy.respondWith(r -> r.path().equals("/gone") ? heldUntil(answer) : Reply.status(204));
        sink.with("SNS_HTTP_RESPONSE_TIMEOUT", "60s");
        sink.config("gone", healthy.url("/gone"));
        start(QUICK_SWEEPS);
        sink.notify("acme", 1);
        sink.notify("gone", 1);
        await().atMost(WAIT).until(() -> healthy.requestsTo("/gone").size() == 1);

        sink.deleteConfig("gone");

        // Deleted but its request is in flight: kept well past the grace.
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> hasStatus("gone")
                && scrape().contains("sns_sink_attempts_total{tenant=\"gone\"} 1.0"));
        answer.countDown();
        await().atMost(WAIT).until(() -> !hasStatus("gone") && !scrape().contains("tenant=\"gone\""));
        assertThat(scrape()).contains("sns_sink_delivered_total{tenant=\"acme\"} 1.0")
                .contains("sns_sink_attempts_total{tenant=\"acme\"} 1.0")
                .contains("sns_sink_circuit_state{state=\"live\",tenant=\"acme\"} 1.0")
                .contains("sns_sink_tenant_in_flight{tenant=\"acme\"} 0.0");
        assertThat(app.tenantStatuses()).extracting(TenantStatus::tenant).containsExactly("acme", "broken");

        // Back again, it starts afresh: its counters count from zero.
        sink.config("gone", healthy.url("/gone"));
        sink.notify("gone", 2);
        await().atMost(WAIT).until(() -> scrape().contains("sns_sink_delivered_total{tenant=\"gone\"} 1.0"));
    }

    private void start() {
        start(Housekeeping.DEFAULTS);
    }

    private void start(Housekeeping housekeeping) {
        app = SinkApp.start(sink.settings(), prometheus, housekeeping);
        await().atMost(WAIT).until(app::isReady);
    }

    private static long sum(TenantHistory hour, ToLongFunction<Minute> figure) {
        return hour.minutes().stream().mapToLong(figure).sum();
    }

    private boolean hasStatus(String tenant) {
        return app.tenantStatuses().stream().anyMatch(s -> s.tenant().equals(tenant));
    }

    /** The receiver keeps the request open until the test lets it answer. */
    private static Reply heldUntil(CountDownLatch answer) {
        try {
            answer.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Reply.status(204);
    }

    private String scrape() {
        return prometheus.scrape();
    }
}
