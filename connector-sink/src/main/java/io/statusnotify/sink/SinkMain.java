package io.statusnotify.sink;

import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sink from environment variables until SIGTERM. Exit code 2: it refused to start (bad settings, config
 * topic not compacted); 1: delivery stopped on its own.
 */
public final class SinkMain {
    private static final Logger LOG = LoggerFactory.getLogger(SinkMain.class);

    private SinkMain() {
    }

    public static void main(String[] args) {
        SinkApp app;
        // Logs the counters once a minute, like the streams app: the only exposition the sink has for now.
        LoggingMeterRegistry registry = new LoggingMeterRegistry();
        try {
            app = SinkApp.start(SinkSettings.from(Settings.fromEnvironment()), registry);
        } catch (SettingsException | IllegalStateException | ConfigException e) {
            String reason = e instanceof ConfigException refused ? SettingsException.fromKafka(refused).getMessage() : e.getMessage();
            LOG.error("Sink not started: {}", reason);
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
        registry.close();
        if (!app.isClosing()) {
            LOG.error("Delivery stopped unexpectedly; exiting so the sink can be restarted");
            System.exit(1);
        }
    }
}
