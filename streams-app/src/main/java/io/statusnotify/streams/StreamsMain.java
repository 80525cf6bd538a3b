package io.statusnotify.streams;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entry point of the streams app (also of its container image): settings from the environment, the admin port
 * (health, Prometheus metrics), start, run until SIGTERM. Exits 2 on a bad setting or an admin port in use, and 1
 * when the app cannot start or fails, with a one-line reason.
 */
public final class StreamsMain {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsMain.class);

    private StreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StreamsSettings settings;
        AdminSettings adminSettings;
        try {
            Settings environment = Settings.fromEnvironment();
            LogFormat.apply(environment);
            settings = StreamsSettings.from(environment);
            adminSettings = AdminSettings.from(environment, AdminSettings.STREAMS_DEFAULT_PORT);
        } catch (SettingsException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<StreamsApp> started = new AtomicReference<>();
        AdminServer admin = null;
        StreamsApp app;
        try {
            // The admin port first: a port in use stops the start before anything is processed.
            if (adminSettings.enabled()) {
                admin = AdminServer.start(adminSettings, registry, () -> started.get() == null
                        ? Map.of("started", false) : started.get().readinessChecks());
            }
            app = StreamsApp.start(settings, registry);
            started.set(app);
        } catch (KafkaException | UncheckedIOException e) {
            LOG.error("Cannot start: {}", SettingsException.whyNotStarted(e));
            stop(admin, registry);
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            stop(admin, registry);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "statusnotify-streams-shutdown"));
        boolean clean = app.awaitTermination();
        stop(admin, registry);
        if (!clean) {
            LOG.error("Stopped after a failure (see above)");
            System.exit(1);
        }
    }

    private static void stop(AdminServer admin, PrometheusMeterRegistry registry) {
        if (admin != null) admin.close();
        registry.close();
    }
}
