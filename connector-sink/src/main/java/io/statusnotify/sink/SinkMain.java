package io.statusnotify.sink;

import io.statusnotify.sink.status.StatusPage;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statusnotify.admin.AdminServer;
import io.statusnotify.admin.AdminSettings;
import io.statusnotify.admin.LogFormat;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the sink from environment variables until SIGTERM, with its admin port (health, Prometheus metrics). Exit code
 * 2: it refused to start (bad settings, config topic not compacted, admin port taken); 1: delivery stopped on its own.
 */
public final class SinkMain {
    private static final Logger LOG = LoggerFactory.getLogger(SinkMain.class);

    private SinkMain() {
    }

    public static void main(String[] args) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<SinkApp> started = new AtomicReference<>();
        SinkApp app;
        AdminServer admin = null;
        try {
            Settings settings = Settings.fromEnvironment();
            LogFormat.apply(settings);
            SinkSettings sinkSettings = SinkSettings.from(settings);
            AdminSettings adminSettings = AdminSettings.from(settings, AdminSettings.SINK_DEFAULT_PORT);
            // The admin port first: a port in use stops the start before anything is delivered.
            if (adminSettings.enabled()) {
                StatusPage page = new StatusPage(() -> started.get() == null ? List.of() : started.get().tenantStatuses(),
                        tenant -> started.get() == null ? new StatusPage.ConnectionCheck(false, "the sink is starting")
                                : started.get().testConnection(tenant),
                        tenant -> started.get() == null ? Optional.empty() : started.get().tenantHistory(tenant));
                admin = AdminServer.start(adminSettings, registry, () -> started.get() == null
                        ? Map.of("started", false) : started.get().readinessChecks(), Optional.of(page.handler()));
            }
            app = SinkApp.start(sinkSettings, registry);
            started.set(app);
        } catch (SettingsException | IllegalStateException | KafkaException | UncheckedIOException e) {
            String reason = SettingsException.whyNotStarted(e);
            LOG.error("Sink not started: {}", reason);
            if (admin != null) admin.close();
            registry.close();
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "sink-shutdown"));
        try {
            app.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (admin != null) admin.close();
        registry.close();
        if (!app.isClosing()) {
            LOG.error("Delivery stopped unexpectedly; exiting so the sink can be restarted");
            System.exit(1);
        }
    }
}
