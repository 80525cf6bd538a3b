package io.statusnotify.streams;

import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the streams app (also of its container image): settings from the environment, start, run until
 * SIGTERM. Exits 2 on a bad setting and 1 when the app cannot start or fails, with a one-line reason.
 */
public final class StreamsMain {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsMain.class);

    private StreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StreamsSettings settings;
        try {
            settings = StreamsSettings.from(Settings.fromEnvironment());
        } catch (SettingsException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        // Logs the counters once a minute: the only exposition this app has for now.
        LoggingMeterRegistry registry = new LoggingMeterRegistry();
        StreamsApp app;
        try {
            app = StreamsApp.start(settings, registry);
        } catch (ConfigException e) {
            LOG.error("Cannot start: {}", SettingsException.fromKafka(e).getMessage());
            registry.close();
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            registry.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "statusnotify-streams-shutdown"));
        boolean clean = app.awaitTermination();
        registry.close();
        if (!clean) {
            LOG.error("Stopped after a failure (see above)");
            System.exit(1);
        }
    }
}
