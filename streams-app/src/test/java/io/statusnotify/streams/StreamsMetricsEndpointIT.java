package io.statusnotify.streams;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.settings.Settings;
import io.statusnotify.testing.MetricsEndpointContract;
import io.statusnotify.testing.SharedKafka;
import io.statusnotify.testing.TestKafka;
import io.statusnotify.topics.TopicNames;
import io.statusnotify.topics.TopicProvisioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.statusnotify.streams.TopologyFixture.golden;
import static org.awaitility.Awaitility.await;

/** The streams app's /metrics, over HTTP from its admin server, once it has notified, dead-lettered and passed through. */
@ExtendWith(SharedKafka.class)
class StreamsMetricsEndpointIT extends MetricsEndpointContract {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "p4ss-not-in-metrics";
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private StreamsApp app;
    private AdminServer admin;
    private String exposition;

    StreamsMetricsEndpointIT() {
        super(PipelineMeters.class);
    }

    @BeforeAll
    void givenAnAppThatNotifiedDeadLetteredAndPassedAnUnknownValueThrough(TestKafka kafka, @TempDir Path stateDir) {
        String prefix = TestKafka.uniqueName("metrics-endpoint");
        Map<String, String> env = new HashMap<>(TopicNames.prefixed(prefix).asEnvironment());
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SNS_APPLICATION_ID", prefix + "-app",
                "SNS_STATE_DIR", stateDir.toString(), "SNS_TOPIC_PARTITIONS", "1"));
        StreamsSettings settings = StreamsSettings.from(Settings.of(env));
        TopicProvisioner.ensureTopics(kafka.admin(), settings.topics(), settings.layout());
        kafka.send(settings.topics().tenantConfig(), "Default",
                "{\"enabled\":true,\"serverUrl\":\"http://127.0.0.1:1/hook\",\"username\":\"u\",\"password\":\"" + PASSWORD + "\"}");
        // Written by another tool, breaking a rule: refused and counted by rule.
        kafka.send(settings.topics().tenantConfig(), "Refused", "{\"enabled\":true,\"serverUrl\":\"ftp://127.0.0.1/hook\"}");
        app = StreamsApp.start(settings, prometheus);
        admin = AdminServer.start(new AdminSettings(0, "127.0.0.1"), prometheus, () -> Map.of("running", app.isRunning()));
        await().atMost(WAIT).until(app::isRunning);

        String seed = new String(golden("seed-event.json"), StandardCharsets.UTF_8);
        kafka.send(settings.topics().userStatus(), "Default/2727", seed);
        kafka.send(settings.topics().userStatus(), "Default/2727", seed.replace("\"Busy\"", "\"OnVacation\""));
        kafka.send(settings.topics().userStatus(), "Default/2727", "not json");

        await().atMost(WAIT).until(() -> {
            String metrics = scrape(admin.port());
            return metrics.contains("sns_streams_notifications_out_total 2.0")
                    && metrics.contains("sns_streams_unknown_values_total{field=\"user.userState\"} 1.0")
                    && metrics.contains("sns_streams_events_dead_lettered_total{reason=\"not-json\"} 1.0")
                    && metrics.contains("sns_streams_config_refused_total{rule=\"serverUrl.scheme\"} 1.0");
        });
        exposition = scrape(admin.port());
    }

    @AfterAll
    void tearDown() {
        if (admin != null) admin.close();
        if (app != null) app.close();
        prometheus.close();
    }

    @Override
    protected String exposition() {
        return exposition;
    }

    @Override
    protected List<String> secrets() {
        return List.of(PASSWORD);
    }
}
