package io.statusnotify.sink;

import io.statusnotify.sink.status.SinkMetrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.testing.MetricsEndpointContract;
import io.statusnotify.testing.RecordingReceiver;
import io.statusnotify.testing.RecordingReceiver.Reply;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The sink's /metrics, over HTTP from its admin server, once it has delivered, parked, dead-lettered and dropped, and
 * given a pair of partitions to another instance.
 */
@ExtendWith(SharedKafka.class)
class SinkMetricsEndpointIT extends MetricsEndpointContract {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RecordingReceiver healthy = RecordingReceiver.start();
    private final RecordingReceiver failing = RecordingReceiver.start();
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private SinkHarness sink;
    private SinkApp app;
    private AdminServer admin;
    private String exposition;

    SinkMetricsEndpointIT() {
        super(SinkMetrics.class);
    }

    @BeforeAll
    void givenASinkThatDeliveredParkedDeadLetteredAndDroppedNotifications(TestKafka kafka) {
        failing.respondWith(r -> Reply.status(500));
        // Two attempts: the first failure parks the notification, the second dead-letters it.
        sink = new SinkHarness(kafka).with("SNS_RETRY_MAX_ATTEMPTS", "2");
        sink.createTopics();
        sink.config("acme", healthy.url("/hook"));
        sink.config("broken", failing.url("/hook"));
        // Written by another tool, breaking a rule: refused and counted by rule.
        kafka.send(sink.topics.tenantConfig(), "refused", "{\"enabled\":true,\"serverUrl\":\"ftp://127.0.0.1/hook\"}");
        app = SinkApp.start(sink.settings(), prometheus);
        admin = AdminServer.start(new AdminSettings(0, "127.0.0.1"), prometheus, () -> Map.of("ready", app.isReady()));
        await().atMost(WAIT).until(app::isReady);

        sink.notify("acme", 1);
        sink.notify("broken", 1);
        sink.notify("nobody", 1);

        await().atMost(WAIT).until(() -> {
            String metrics = scrape(admin.port());
            return metrics.contains("sns_sink_dead_lettered_total{reason=\"retries-exhausted\",tenant=\"broken\"} 1.0")
                    && metrics.contains("sns_sink_parked_total{cause=\"5xx\",tenant=\"broken\"} 1.0")
                    && metrics.contains("sns_sink_delivered_total{tenant=\"acme\"} 1.0")
                    && metrics.contains("sns_sink_dropped_total{reason=\"unknown-tenant\",tenant=\"nobody\"} 1.0")
                    && metrics.contains("sns_sink_circuit_state{state=\"live\",tenant=\"acme\"} 1.0")
                    && metrics.contains("sns_sink_config_refused_total{rule=\"serverUrl.scheme\"} 1.0");
        });
        // A second instance joins the group (its own registry): this one gives it one of its two pairs.
        sink.startSink();
        await().atMost(WAIT).until(() -> scrape(admin.port()).contains("sns_sink_partitions_revoked_total{"));
        exposition = scrape(admin.port());
    }

    @AfterAll
    void tearDown() {
        if (admin != null) admin.close();
        if (app != null) app.close();
        if (sink != null) sink.close();
        healthy.close();
        failing.close();
        prometheus.close();
    }

    @Override
    protected String exposition() {
        return exposition;
    }

    @Override
    protected List<String> secrets() {
        return List.of(SinkHarness.PASSWORD, SinkHarness.authorizationHeader().substring("Basic ".length()));
    }
}
